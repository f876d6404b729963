import net from 'node:net';

interface Backend {
  port: number;
  up: boolean;
  /** Client-side sockets currently piped to this backend. */
  conns: Set<net.Socket>;
}

/**
 * A tiny TCP load balancer for tests (a stand-in for nginx or HAProxy in front of several instances): each new
 * connection goes to the next live backend, round-robin. Tests can mark a backend down (like a failed health
 * check), cut every open connection (a network drop: both ends see the close) and refuse new connections for a
 * while (the network is still gone). Plain TCP, so HTTP keep-alive and WebSocket upgrades pass through untouched.
 */
export class Balancer {
  private readonly server: net.Server;
  private readonly backends: Backend[];
  private readonly open = new Set<net.Socket>();
  private next = 0;
  private refusing = false;
  /** Connections accepted, per backend index (for assertions about where clients went). */
  readonly accepted: number[];

  constructor(ports: number[]) {
    this.backends = ports.map((port) => ({ port, up: true, conns: new Set() }));
    this.accepted = ports.map(() => 0);
    this.server = net.createServer((client) => this.accept(client));
  }

  /** Listens on a free loopback port; returns `http://127.0.0.1:<port>`. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${this.port}`;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Takes a backend out of rotation and closes the connections it was serving. */
  down(index: number): void {
    const backend = this.backends[index];
    if (!backend) throw new Error(`no backend ${index}`);
    backend.up = false;
    for (const c of backend.conns) c.destroy();
  }

  up(index: number): void {
    const backend = this.backends[index];
    if (!backend) throw new Error(`no backend ${index}`);
    backend.up = true;
  }

  /** A hard network drop: every open connection is destroyed at once, in both directions. */
  cut(): void {
    for (const c of this.open) c.destroy();
  }

  /** While refusing, new connections are closed right after they are accepted (the network is down). */
  refuse(on: boolean): void {
    this.refusing = on;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pick(): number | null {
    const n = this.backends.length;
    for (let i = 0; i < n; i++) {
      const index = (this.next + i) % n;
      if (this.backends[index]?.up) {
        this.next = (index + 1) % n;
        return index;
      }
    }
    return null;
  }

  private accept(client: net.Socket): void {
    const index = this.refusing ? null : this.pick();
    const backend = index === null ? undefined : this.backends[index];
    if (index === null || !backend) {
      client.destroy();
      return;
    }
    this.accepted[index] = (this.accepted[index] ?? 0) + 1;
    const upstream = net.connect({ host: '127.0.0.1', port: backend.port });
    this.open.add(client);
    backend.conns.add(client);
    const done = () => {
      this.open.delete(client);
      backend.conns.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
