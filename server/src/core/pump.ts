import type { Logger } from 'pino';

/**
 * A background loop that runs `work` every interval and whenever kicked, never twice at once:
 * kicks during a run coalesce into one more run. Used by the outbox dispatcher and the job worker.
 */
export class Pump {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly what: string,
  ) {}

  start(intervalMs = 1000): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work()
      .then(() => undefined)
      .catch((err: unknown) => this.log.error({ err }, `${this.what} failed`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }
}
