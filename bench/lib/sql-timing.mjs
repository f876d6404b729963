// A preload for the Innenhof server (BENCH_SQL_TIMING=<file>: `node --import bench/lib/sql-timing.mjs …`): times every
// SQLite statement the server runs (better-sqlite3 is synchronous, so the time of the call is the time of the statement)
// and writes a JSON summary per statement text to the file when the server exits. A diagnostic for the bench; PostgreSQL
// has pg_stat_statements for the same.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const out = process.env.BENCH_SQL_TIMING;
if (out) {
  const require = createRequire(path.join(process.cwd(), 'server', 'package.json'));
  const Database = require('better-sqlite3');
  const stats = new Map();
  let patched = false;
  const originalPrepare = Database.prototype.prepare;
  Database.prototype.prepare = function prepare(...args) {
    const stmt = originalPrepare.apply(this, args);
    if (!patched) {
      patched = true;
      const proto = Object.getPrototypeOf(stmt);
      for (const method of ['all', 'get', 'run', 'iterate']) {
        const original = proto[method];
        proto[method] = function timed(...params) {
          const t0 = process.hrtime.bigint();
          try {
            return original.apply(this, params);
          } finally {
            const ns = Number(process.hrtime.bigint() - t0);
            const s = stats.get(this.source) ?? { calls: 0, ms: 0, maxMs: 0 };
            s.calls++;
            s.ms += ns / 1e6;
            s.maxMs = Math.max(s.maxMs, ns / 1e6);
            stats.set(this.source, s);
          }
        };
      }
    }
    return stmt;
  };
  process.on('exit', () => {
    const rows = [...stats].map(([sql, s]) => ({ sql, ...s, meanMs: s.ms / s.calls })).sort((a, b) => b.ms - a.ms);
    fs.writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  });
}
