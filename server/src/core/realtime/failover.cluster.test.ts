import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Balancer } from '../../../test/balancer.js';
import { createPgTestDb } from '../../../test/db.js';
import { PASSWORD } from '../../../test/harness.js';
import { HttpClient } from '../../../test/http-client.js';
import { type Ev, open, until } from '../../../test/realtime-client.js';

// Cluster mode with real processes: two `innenhof start` processes on one PostgreSQL database and one Redis,
// behind a TCP load balancer; one of them is stopped mid-conversation. PostgreSQL + Redis stage only.
const root = path.resolve(import.meta.dirname, '../../../..');
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface Instance {
  url: string;
  proc: ChildProcess;
  output: string[];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function startInstance(port: number, env: Record<string, string>): Instance {
  const output: string[] = [];
  const proc = spawn(process.execPath, [path.join(root, 'server/bin/innenhof.mjs'), 'start'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return { url: `http://127.0.0.1:${port}`, proc, output };
}

async function waitReady(instance: Instance): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (instance.proc.exitCode !== null) throw new Error(`instance exited (${instance.proc.exitCode}):\n${instance.output.join('')}`);
    try {
      if ((await fetch(`${instance.url}/api/v1/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > 20_000) throw new Error(`instance not ready after 20 s:\n${instance.output.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((resolve) => proc.once('exit', () => resolve()));
}

const messageId = (e: Ev) => (e.data as { id?: string } | undefined)?.id;

describe('failover: two app processes behind a load balancer, one stopped', () => {
  let a: Instance;
  let b: Instance;
  let lb: Balancer;
  let lbUrl: string;
  let db: { url: string; drop(): Promise<void> };
  let dataDir: string;

  beforeAll(async () => {
    // The processes run the compiled server: bring server/dist up to date (incremental; ~0.5 s when it is).
    const tsc = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: root, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc -b server failed:\n${tsc.stdout}${tsc.stderr}`);
    db = await createPgTestDb();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-failover-'));
    const [portA, portB] = [await freePort(), await freePort()];
    lb = new Balancer([portA, portB]);
    lbUrl = await lb.listen();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      INNENHOF_REDIS_PREFIX: `innenhof-failover-${crypto.randomUUID()}:`,
      INNENHOF_SECRET: crypto.randomBytes(32).toString('hex'),
      // What browsers see: the load balancer. Both instances check Origin against it.
      INNENHOF_PUBLIC_URL: lbUrl,
      INNENHOF_DATA_DIR: dataDir,
      INNENHOF_WEB_DIR: path.join(dataDir, 'no-web'),
      INNENHOF_LOGIN_RATE_LIMIT: '1000',
      INNENHOF_LOG_LEVEL: process.env.TEST_LOG ?? 'warn',
    };
    a = startInstance(portA, env);
    b = startInstance(portB, env);
    await Promise.all([waitReady(a), waitReady(b)]);
  });

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (instance?.proc.pid && instance.proc.exitCode === null && instance.proc.signalCode === null) {
        process.kill(instance.proc.pid, 'SIGKILL');
        await exited(instance.proc);
      }
    }
    await lb?.close();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers across instances, and after instance A stops the client reconnects to B and replays the gap once', async () => {
    // Admin, two employees and their direct conversation, all through the instances' public HTTP API.
    const admin = new HttpClient(a.url, lbUrl);
    const setup = await admin.post('/api/v1/setup', { companyName: 'ACME GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: PASSWORD });
    expect(setup.status).toBe(201);
    const people: Record<string, { id: string; onA: HttpClient; onB: HttpClient }> = {};
    for (const name of ['Sina Sender', 'Rolf Receiver']) {
      const email = `${name.split(' ')[0]?.toLowerCase()}@acme.test`;
      const created = await admin.at(b.url).post('/api/v1/users', { name, email, password: PASSWORD, role: 'member' });
      expect(created.status).toBe(201);
      const onA = new HttpClient(a.url, lbUrl);
      await onA.login(email);
      people[name] = { id: created.body.id, onA, onB: onA.at(b.url) };
    }
    const sender = people['Sina Sender'];
    const receiver = people['Rolf Receiver'];
    if (!sender || !receiver) throw new Error('setup failed');
    const conv = await sender.onA.post('/api/v1/conversations', { userIds: [receiver.id] });
    expect(conv.status).toBe(201);
    const convId: string = conv.body.id;
    const send = async (via: HttpClient, body: string): Promise<string> => {
      const res = await via.post(`/api/v1/conversations/${convId}/messages`, { clientId: `c${crypto.randomUUID()}`, body });
      expect(res.status).toBe(201);
      return res.body.id;
    };

    // The receiver's tab connects through the load balancer: round-robin sends this first connection to A.
    const rx = await open(lbUrl, receiver.onA, { origin: lbUrl, reconnect: { delayMs: 1000 } });
    expect(rx.ready.ok).toBe(true);
    expect(rx.ready.rooms).toContain(`conversation:${convId}`);
    expect(lb.accepted).toEqual([1, 0]);

    // (a) Sent through B, delivered to the client on A within a second.
    const t0 = Date.now();
    const m1 = await send(sender.onB, 'Über B gesendet');
    await until(() => rx.events.some((e) => messageId(e) === m1), 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    // Presence agrees on both instances.
    for (const via of [sender.onA, sender.onB]) {
      const presence = await via.get(`/api/v1/presence?userIds=${receiver.id}`);
      expect(presence.body.items[0]).toMatchObject({ userId: receiver.id, status: 'online' });
    }
    const lastBefore = rx.lastEventId();
    expect(lastBefore).toBe(rx.events.at(-1)?.id);
    const seenBefore = rx.events.length;

    // (b) Instance A stops (SIGTERM, as an orchestrator does); the load balancer's health check takes it out.
    const stopped = Date.now();
    process.kill(a.proc.pid ?? 0, 'SIGTERM');
    await until(() => rx.disconnects.length > 0, 5000);
    lb.down(0);
    // While the client is away: B keeps serving, messages are sent (the client's first retry is ≥ 0.5 s away).
    const gap = [await send(sender.onB, 'Während der Lücke 1'), await send(sender.onB, 'Während der Lücke 2')];
    expect(rx.readies).toHaveLength(1); // really sent while the client was away
    expect((await receiver.onB.get('/api/v1/me')).status).toBe(200);
    await until(() => rx.readies.length === 2, 5000);
    // It reconnected through the balancer to B, telling it the last event it had seen.
    expect(lb.accepted).toEqual([1, 1]);
    expect(rx.readies[1]?.lastEventId).toBe(lastBefore);
    await exited(a.proc);
    expect(a.proc.exitCode).toBe(0);
    const after = await send(sender.onB, 'Nach dem Umzug');
    await until(() => rx.events.some((e) => messageId(e) === after), 2000);
    // Give any duplicate a moment to show up.
    await new Promise((r) => setTimeout(r, 300));

    const since = rx.events.slice(seenBefore);
    expect(since.filter((e) => e.type === 'message.created').map(messageId)).toEqual([...gap, after]);
    expect(new Set(rx.events.map((e) => e.id)).size).toBe(rx.events.length);
    expect(rx.reloads).toEqual([]);
    expect((await sender.onB.get(`/api/v1/presence?userIds=${receiver.id}`)).body.items[0].status).toBe('online');
    expect(Date.now() - stopped).toBeLessThan(10_000);
    rx.socket.close();
  });
});
