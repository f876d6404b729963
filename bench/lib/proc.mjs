// Child processes for the bench: free ports, spawn-and-wait-until-healthy (cold start), CPU time, memory, stopping.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One GET without keep-alive; resolves with the status code, rejects on connection errors. */
function probe(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Spawns `node <args>` with its output in `logFile`, then polls `healthUrl` until it answers 200.
 * Returns the child and the milliseconds from spawn to the first 200 (the cold start).
 */
export async function spawnAndWait({ args, env, cwd, logFile, healthUrl, timeoutMs = 60_000 }) {
  const out = fs.openSync(logFile, 'a');
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  for (;;) {
    if (exited) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`${args.join(' ')} exited (${exited.code ?? exited.signal}) before ${healthUrl} answered. Log:\n${tail}`);
    }
    try {
      if ((await probe(healthUrl)) === 200) return { child, coldStartMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) {
      await stop(child);
      throw new Error(`${healthUrl} did not answer within ${timeoutMs} ms (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Stops a child we started: SIGTERM, then SIGKILL after `graceMs`. */
export function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const clockTick = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, all threads) of a process in milliseconds, from /proc/<pid>/stat; of a cluster's processes summed. */
export function cpuMs(pid) {
  if (Array.isArray(pid)) return pid.reduce((sum, p) => sum + cpuMs(p), 0);
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTick;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process in MB (current and peak), from /proc; of a cluster's processes summed. Null where /proc is unavailable. */
export function memoryOf(pid) {
  if (Array.isArray(pid)) {
    const each = pid.map(memoryOf);
    return each.some((m) => m === null) ? null : { rssMB: each.reduce((a, m) => a + m.rssMB, 0), peakMB: each.reduce((a, m) => a + m.peakMB, 0) };
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Runs `fn` over `items` with at most `concurrency` at a time; results in input order. */
export async function pool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The main thread's scheduler state from /proc: 'R' while it runs or waits for a core, 'S' while it sleeps (idle). */
function threadState(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Waits until the process is idle (or `maxMs` runs out): the work the load left behind (requests still queued when
 * autocannon stopped, jobs the writes enqueued) must not spill into the next scenario. Idle = its main thread was
 * runnable in at most 2 of the samples taken every 10 ms over `windowMs`. That holds on a machine busy with other
 * work too, where a busy server may get only a small share of a core (a CPU-time threshold would call it quiet).
 * Returns how long the process stayed busy. With a list of pids (a cluster): until all of them are quiet.
 */
export async function waitQuiet(pid, maxMs, { windowMs = 300 } = {}) {
  const pids = Array.isArray(pid) ? pid : [pid];
  const t0 = performance.now();
  for (;;) {
    let running = 0;
    const windowStart = performance.now();
    while (performance.now() - windowStart < windowMs) {
      const states = pids.map(threadState);
      if (states.every((state) => state === null)) return { ms: performance.now() - t0, timedOut: false };
      // A cluster is quiet when all of its processes are (samples where any one runs count).
      if (states.includes('R')) running++;
      await new Promise((r) => setTimeout(r, 10));
    }
    const elapsed = performance.now() - t0;
    if (running <= 2) return { ms: Math.max(0, elapsed - windowMs), timedOut: false };
    if (elapsed >= maxMs) return { ms: elapsed, timedOut: true };
  }
}
