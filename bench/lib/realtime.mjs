// The chat real-time scenario: N idle Socket.IO clients on the running server, then send → receive latency
// between two colleagues while they are connected, and the server's memory per idle connection.
// See bench/README.md ("Chat real-time"). Everything talks to 127.0.0.1; every step is bounded in time.
import http from 'node:http';
import { createRequire } from 'node:module';
import { io } from 'socket.io-client';
import { cpuMs, memoryOf, pool } from './proc.mjs';

/** The bar of the chat issue. */
export const CHAT_BAR = { p50Ms: 3, p99Ms: 15, kbPerSocket: 30, idleSockets: 5000 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentiles of a list of numbers (may be negative). */
export function percentiles(values) {
  if (values.length === 0) return { n: 0, min: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const s = Float64Array.from(values).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, min: s[0], p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/**
 * Opens one Socket.IO connection as a browser tab would (session cookie at the handshake, WebSocket only) and
 * resolves when the server says `ready` (authenticated, joined to its rooms, presence announced).
 * `prepare` attaches listeners before anything can arrive.
 */
function openSocket(base, cookie, timeoutMs, prepare) {
  return new Promise((resolve, reject) => {
    const socket = io(base, {
      path: '/api/v1/realtime',
      transports: ['websocket'],
      extraHeaders: { cookie },
      forceNew: true, // one connection per client, as separate tabs have (no multiplexing over one Manager)
      reconnection: false,
      timeout: timeoutMs,
    });
    prepare?.(socket);
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`no "ready" within ${Math.round(timeoutMs)} ms`));
    }, timeoutMs);
    socket.once('ready', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(new Error(`connect_error: ${err.message}${err.data?.code ? ` (${err.data.code})` : ''}`));
    });
  });
}

/**
 * Waits until the process uses less than `maxShare` of one core over `windowMs`; returns how long that took
 * (the start of the quiet window) and whether `maxMs` ran out first.
 */
async function waitIdle(pid, maxMs, { windowMs = 500, maxShare = 0.1 } = {}) {
  const t0 = performance.now();
  let prev = cpuMs(pid);
  for (;;) {
    await sleep(windowMs);
    const cur = cpuMs(pid);
    const elapsed = performance.now() - t0;
    if (cur - prev <= windowMs * maxShare) return { ms: Math.max(0, elapsed - windowMs), timedOut: false };
    if (elapsed >= maxMs) return { ms: elapsed, timedOut: true };
    prev = cur;
  }
}

/**
 * Memory of the server as it stands after a full garbage collection, so that garbage left by earlier work
 * (the HTTP load, the previous level) does not blur the difference. The server is started with
 * `--inspect-port=127.0.0.1:<port>` (inert by itself); SIGUSR1 opens its inspector there, and the DevTools
 * protocol asks for a collection and for `process.memoryUsage()`. Without it (no /proc, no inspector) the
 * numbers are plain VmRSS. The WebSocket client is `ws`, which socket.io-client brings along.
 */
async function serverMemoryProbe(pid, inspectPort, log) {
  const plain = async () => ({ rssMB: memoryOf(pid)?.rssMB ?? Number.NaN, heapMB: Number.NaN, gc: false });
  if (!inspectPort) return { measure: plain, close() {} };
  try {
    const requireHere = createRequire(import.meta.url);
    const WebSocket = createRequire(requireHere.resolve('engine.io-client'))('ws');
    process.kill(pid, 'SIGUSR1');
    let target = null;
    for (let i = 0; i < 40 && !target; i++) {
      await sleep(100);
      try {
        const res = await fetch(`http://127.0.0.1:${inspectPort}/json/list`, { signal: AbortSignal.timeout(1000) });
        target = (await res.json())[0]?.webSocketDebuggerUrl ?? null;
      } catch {
        // not listening yet
      }
    }
    if (!target) throw new Error(`the inspector did not open on 127.0.0.1:${inspectPort}`);
    const ws = new WebSocket(target, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    let nextId = 1;
    const waiting = new Map();
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(msg.error.message));
      else w.resolve(msg.result);
    });
    const call = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${method}: no answer in 30 s`));
        }, 30_000);
        waiting.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        ws.send(JSON.stringify({ id, method, params }));
      });
    return {
      async measure() {
        try {
          await call('HeapProfiler.collectGarbage');
          await call('HeapProfiler.collectGarbage');
          await sleep(200);
          const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
          const m = JSON.parse(r.result.value);
          return { rssMB: memoryOf(pid)?.rssMB ?? m.rss / 1024 ** 2, heapMB: m.heapUsed / 1024 ** 2, gc: true };
        } catch (err) {
          log(`sockets: memory after GC failed (${err.message}); using plain VmRSS`);
          return plain();
        }
      },
      close() {
        ws.close();
      },
    };
  } catch (err) {
    log(`sockets: no inspector for a GC before measuring memory (${err.message}); using plain VmRSS`);
    return { measure: plain, close() {} };
  }
}

/** The memory probe of each server, summed (one server: just its own). */
async function clusterMemoryProbe(servers, log) {
  const probes = [];
  for (const s of servers) probes.push(await serverMemoryProbe(s.pid, s.inspectPort, log));
  return {
    async measure() {
      const each = await Promise.all(probes.map((p) => p.measure()));
      return { rssMB: each.reduce((a, m) => a + m.rssMB, 0), heapMB: each.reduce((a, m) => a + m.heapMB, 0), gc: each.every((m) => m.gc) };
    },
    close() {
      for (const p of probes) p.close();
    },
  };
}

/** A JSON POST over a keep-alive connection (less client overhead than fetch, so the figure is the server's). */
function postJson(agent, base, urlPath, headers, body, timeoutMs = 10_000) {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      `${base}${urlPath}`,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), accept: 'application/json' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => resolve({ status: 0, text: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: 0, text: err.message }));
    req.end(data);
  });
}

/**
 * Chooses the next sender so that nobody exceeds the chat's flood limit (30 messages per 10 s per person):
 * at most `max` sends in any `windowMs`, a little under the limit. Waits when every sender is used up.
 */
class FloodPacer {
  constructor(senders, max = 28, windowMs = 10_500) {
    this.slots = senders.map((sender) => ({ sender, sent: [] }));
    this.max = max;
    this.windowMs = windowMs;
    this.next = 0;
    this.waitedMs = 0;
  }

  async take() {
    for (;;) {
      const now = performance.now();
      let soonest = Number.POSITIVE_INFINITY;
      for (let k = 0; k < this.slots.length; k++) {
        const slot = this.slots[(this.next + k) % this.slots.length];
        slot.sent = slot.sent.filter((t) => now - t < this.windowMs);
        if (slot.sent.length < this.max) {
          this.next = (this.next + k + 1) % this.slots.length;
          slot.sent.push(now);
          return slot.sender;
        }
        soonest = Math.min(soonest, slot.sent[0] + this.windowMs - now);
      }
      const wait = Math.max(1, Math.ceil(soonest));
      this.waitedMs += wait;
      await sleep(wait);
    }
  }
}

/**
 * The whole socket phase. `api` is the bench's JSON client (for logging in and creating the conversations);
 * `people` are the accounts it may use ({ email, id }); the first is the receiver, the next `senders` send,
 * the rest hold the idle connections.
 */
export async function realtimePhase({ servers, api, password, people, opts, isAlive, log }) {
  const t0 = performance.now();
  // One server, or a cluster's instances: the senders post to the first and the receiver listens on the last, so
  // with two or more every message crosses instances (through Redis); the idle clients are spread over all of them.
  const pid = servers.map((s) => s.pid);
  const senderBase = servers[0].base;
  const receiverBase = servers[servers.length - 1].base;
  const notes = [];
  const maxLevel = Math.max(...opts.levels);
  const [receiverPerson, ...rest] = people;
  const senderPeople = rest.slice(0, opts.senders);
  const idleCandidates = rest.slice(opts.senders);
  const idlePeople = idleCandidates.slice(0, Math.min(idleCandidates.length, maxLevel, opts.users > 0 ? opts.users : Number.POSITIVE_INFINITY));
  if (senderPeople.length === 0 || idlePeople.length === 0) throw new Error(`the socket phase needs at least ${opts.senders + 2} people`);

  // 1. Sessions. Logging in is scrypt (~0.1 s of CPU each), so each person logs in once and their session
  //    is reused by every socket of theirs: idle sockets are spread round-robin over the idle people.
  const tLogin = performance.now();
  let loggedIn = 0;
  const everyone = [receiverPerson, ...senderPeople, ...idlePeople];
  const sessions = await pool(everyone, opts.loginConcurrency, async (p) => {
    const r = await api('POST', '/api/v1/auth/login', { body: { email: p.email, password } });
    loggedIn++;
    if (loggedIn === everyone.length || loggedIn % 200 === 0) log(`sockets: logged in ${loggedIn}/${everyone.length} people`);
    return { id: r.json.user.id, email: p.email, cookie: r.cookie, csrf: r.json.csrfToken };
  });
  const loginSeconds = (performance.now() - tLogin) / 1000;
  const [receiver, ...afterReceiver] = sessions;
  const senders = afterReceiver.slice(0, senderPeople.length);
  const idleSessions = afterReceiver.slice(senderPeople.length);

  // 2. One direct conversation per sender with the receiver (created before the receiver connects, so the
  //    receiver's socket joins their rooms at the handshake).
  for (const s of senders) {
    const r = await api('POST', '/api/v1/conversations', { body: { userIds: [receiver.id] }, session: s });
    s.conversationId = r.json.id;
  }

  // 3. The active clients: the receiver's tab and each sender's tab.
  const pending = new Map();
  const receiverSocket = await openSocket(receiverBase, receiver.cookie, 20_000, (socket) =>
    socket.on('event', (e) => {
      if (e?.type !== 'message.created') return;
      const done = pending.get(e.data?.clientId);
      if (done) {
        pending.delete(e.data.clientId);
        done(performance.now());
      }
    }),
  );
  const activeSockets = [receiverSocket];
  for (const s of senders) activeSockets.push(await openSocket(senderBase, s.cookie, 20_000));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const pacer = new FloodPacer(senders);

  const sendOne = async (level, i) => {
    const sender = await pacer.take();
    const clientId = `bench-${level}-${i}-${Math.random().toString(36).slice(2, 10)}`;
    let timer;
    const received = new Promise((resolve) => {
      pending.set(clientId, resolve);
      timer = setTimeout(() => {
        pending.delete(clientId);
        resolve(null);
      }, opts.receiveTimeoutMs);
    });
    const tSend = performance.now();
    const res = await postJson(
      agent,
      senderBase,
      `/api/v1/conversations/${sender.conversationId}/messages`,
      { cookie: sender.cookie, 'x-csrf-token': sender.csrf },
      { clientId, body: `Benchmark-Nachricht ${i}: Treffen wir uns um 14 Uhr im Innenhof?` },
    );
    const tResponse = performance.now();
    if (res.status !== 201 && res.status !== 200) {
      clearTimeout(timer);
      pending.delete(clientId);
      return { error: res.status === 0 ? `no answer: ${res.text}` : `${res.status} ${res.text.slice(0, 200)}` };
    }
    const tReceive = await received;
    clearTimeout(timer);
    if (tReceive === null) return { lost: true };
    return { sendToReceive: tReceive - tSend, http: tResponse - tSend, responseToReceive: tReceive - tResponse };
  };

  /** Sends `count` messages one after another (each waits for its receipt), a short random pause between. */
  const measure = async (level, count, first) => {
    const out = { sendToReceive: [], http: [], responseToReceive: [], lost: 0, errors: {}, stoppedEarly: null };
    let missesInARow = 0;
    for (let i = 0; i < count; i++) {
      if (!isAlive()) {
        out.stoppedEarly = 'the server exited';
        break;
      }
      const r = await sendOne(level, first + i);
      if (r.error || r.lost) {
        if (r.error) out.errors[r.error] = (out.errors[r.error] ?? 0) + 1;
        else out.lost++;
        if (++missesInARow >= 10) {
          out.stoppedEarly = `10 messages in a row failed or were not received (last: ${r.error ?? 'not received'})`;
          break;
        }
      } else {
        missesInARow = 0;
        out.sendToReceive.push(r.sendToReceive);
        out.http.push(r.http);
        out.responseToReceive.push(r.responseToReceive);
      }
      await sleep(opts.gapMs + Math.random() * opts.gapMs);
    }
    return out;
  };

  const memory = await clusterMemoryProbe(servers, log);

  // 4. The levels: connect N idle clients from scratch, settle, measure memory and latency, disconnect.
  const levels = [];
  let presenceEvents = 0;
  const countPresence = (socket) => socket.on('presence', () => presenceEvents++);
  let sent = 0;
  for (const n of opts.levels) {
    if (!isAlive()) {
      notes.push(`Socket phase: the server exited; the level with ${n} idle sockets was skipped.`);
      continue;
    }
    log(`sockets: connecting ${n} idle clients (${Math.min(n, idleSessions.length)} people, ${opts.connectConcurrency} at a time) …`);
    const quiet = await waitIdle(pid, 30_000);
    const level = { idle: n, people: Math.min(n, idleSessions.length), quietBeforeMs: quiet.ms };
    const mem0 = await memory.measure();
    const rawRss0 = memoryOf(pid)?.rssMB ?? Number.NaN;
    const benchRss0 = process.memoryUsage().rss;
    const cpu0 = cpuMs(pid);
    const bench0 = process.cpuUsage();
    presenceEvents = 0;
    const sockets = [];
    const failures = {};
    const deciles = [];
    const tc = performance.now();
    const deadline = tc + opts.connectTimeoutMs;
    await pool(
      Array.from({ length: n }, (_, i) => i),
      opts.connectConcurrency,
      async (i) => {
        const left = deadline - performance.now();
        if (left <= 0) {
          failures['connect deadline passed'] = (failures['connect deadline passed'] ?? 0) + 1;
          return;
        }
        try {
          sockets.push(await openSocket(servers[i % servers.length].base, idleSessions[i % idleSessions.length].cookie, Math.min(30_000, left), countPresence));
          while (deciles.length < 10 && sockets.length >= Math.ceil(((deciles.length + 1) * n) / 10)) deciles.push(performance.now() - tc);
        } catch (err) {
          const key = err.message.slice(0, 160);
          failures[key] = (failures[key] ?? 0) + 1;
        }
      },
    );
    level.connectMs = performance.now() - tc;
    level.connected = sockets.length;
    level.failures = failures;
    level.deciles = deciles;
    level.connectServerCpuMs = cpuMs(pid) - cpu0;
    const bench1 = process.cpuUsage(bench0);
    level.connectBenchCpuMs = (bench1.user + bench1.system) / 1000;
    const busy = await waitIdle(pid, opts.connectTimeoutMs);
    level.serverBusyAfterConnectMs = busy.ms;
    level.serverBusyTimedOut = busy.timedOut;
    level.presenceEventsConnect = presenceEvents;
    level.serverCpuUntilQuietMs = cpuMs(pid) - cpu0;
    const cpuSettle0 = cpuMs(pid);
    await sleep(opts.settleMs);
    level.idleCpuPct = ((cpuMs(pid) - cpuSettle0) / opts.settleMs) * 100;
    const rawRss1 = memoryOf(pid)?.rssMB ?? Number.NaN;
    const mem1 = await memory.measure();
    const perSocket = (mb) => (sockets.length ? (mb * 1024) / sockets.length : Number.NaN);
    level.memoryAfterGc = mem0.gc && mem1.gc;
    level.rssBeforeMB = mem0.rssMB;
    level.rssAfterMB = mem1.rssMB;
    level.kbPerSocket = perSocket(mem1.rssMB - mem0.rssMB);
    level.heapKbPerSocket = perSocket(mem1.heapMB - mem0.heapMB);
    level.rawRssKbPerSocket = perSocket(rawRss1 - rawRss0);
    level.benchKbPerSocket = sockets.length ? (process.memoryUsage().rss - benchRss0) / 1024 / sockets.length : Number.NaN;
    log(
      `sockets: ${sockets.length}/${n} connected in ${(level.connectMs / 1000).toFixed(1)} s ` +
        `(server CPU ${(level.connectServerCpuMs / 1000).toFixed(1)} s, busy ${(busy.ms / 1000).toFixed(1)} s more; ` +
        `${presenceEvents.toLocaleString('en-US')} presence events to the clients); ` +
        `server RSS${level.memoryAfterGc ? ' after GC' : ''} ${level.rssBeforeMB.toFixed(0)} → ${level.rssAfterMB.toFixed(0)} MB = ` +
        `${level.kbPerSocket.toFixed(1)} KB/socket (JS heap ${level.heapKbPerSocket.toFixed(1)} KB, RSS without GC ${level.rawRssKbPerSocket.toFixed(1)} KB)`,
    );
    if (Object.keys(failures).length) log(`sockets: failures ${JSON.stringify(failures)}`);

    // Latency, with everyone connected.
    if (isAlive()) {
      await measure(n, opts.warmupMessages, sent);
      sent += opts.warmupMessages;
      const pacedBefore = pacer.waitedMs;
      const tm = performance.now();
      const m = await measure(n, opts.messages, sent);
      sent += opts.messages;
      level.messages = {
        count: opts.messages,
        received: m.sendToReceive.length,
        lost: m.lost,
        errors: m.errors,
        stoppedEarly: m.stoppedEarly,
        seconds: (performance.now() - tm) / 1000,
        pacedMs: pacer.waitedMs - pacedBefore,
      };
      level.sendToReceive = percentiles(m.sendToReceive);
      level.http = percentiles(m.http);
      level.responseToReceive = percentiles(m.responseToReceive);
      log(
        `sockets: ${n} idle — send → receive p50 ${level.sendToReceive.p50.toFixed(2)} ms, p99 ${level.sendToReceive.p99.toFixed(2)} ms, ` +
          `max ${level.sendToReceive.max.toFixed(1)} ms (${m.sendToReceive.length}/${opts.messages} received)`,
      );
    }

    // Disconnect everyone at once, then wait for the server to finish with it.
    const cpuD = cpuMs(pid);
    const td = performance.now();
    for (const s of sockets) s.disconnect();
    const after = await waitIdle(pid, opts.connectTimeoutMs);
    level.disconnect = { ms: after.ms, timedOut: after.timedOut, serverCpuMs: cpuMs(pid) - cpuD, wallMs: performance.now() - td };
    log(`sockets: disconnected; the server was busy for ${(after.ms / 1000).toFixed(1)} s (CPU ${(level.disconnect.serverCpuMs / 1000).toFixed(1)} s)`);
    levels.push(level);
  }

  for (const s of activeSockets) s.disconnect();
  agent.destroy();
  memory.close();
  await waitIdle(pid, 30_000);

  return {
    instances: servers.length,
    settings: { ...opts },
    people: { idle: idleSessions.length, senders: senders.length, loginSeconds },
    bar: CHAT_BAR,
    levels,
    notes,
    seconds: (performance.now() - t0) / 1000,
  };
}
