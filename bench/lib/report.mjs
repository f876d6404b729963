// Renders a bench result as Markdown (file) and as an aligned table (stdout).

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const fix = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function table(head, rows, align) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const cell = (v, i) => (align[i] === 'r' ? String(v).padStart(widths[i]) : String(v).padEnd(widths[i]));
  const line = (r) => `| ${r.map(cell).join(' | ')} |`;
  const sep = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), sep, ...rows.map(line)].join('\n');
}

export function scenarioTable(result) {
  const head = ['Scenario', 'conns', 'req/s', '× hello', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors / non-2xx', 'server CPU µs/req (× hello)', 'RSS after MB'];
  const hello = result.baseline.cpuMicrosPerReq;
  const rows = result.scenarios.map((s) => [
    s.name,
    s.connections,
    int(s.rps),
    fix(s.ratio, 2),
    int(s.p50),
    int(s.p975),
    int(s.p99),
    `${s.errors} / ${s.non2xx}`,
    `${int(s.cpuMicrosPerReq)} (${fix(s.cpuMicrosPerReq / hello, s.cpuMicrosPerReq / hello < 10 ? 1 : 0)})`,
    fix(s.rssAfterMB, 0),
  ]);
  return table(head, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
}

export function renderMarkdown(result) {
  const { machine, dataset, settings } = result;
  const out = [];
  out.push(`# Innenhof bench — ${result.date}`);
  out.push('');
  out.push(
    `- **Machine:** ${machine.cpus} CPUs (${machine.cpuModel}), ${fix(machine.memoryGB, 1)} GB RAM, ${machine.platform}, Node ${machine.node}; ` +
      `load average ${machine.loadStart.map((l) => l.toFixed(2)).join(' / ')} at start, ${machine.loadEnd.map((l) => l.toFixed(2)).join(' / ')} at end`,
  );
  out.push(`- **Code:** ${result.git}`);
  out.push(`- **Database:** ${result.dialectLabel}`);
  out.push(
    `- **Dataset:** ${int(dataset.people)} people in ${dataset.departments} departments, ${dataset.locations} locations, ` +
      `${dataset.managers} managers (CEO → ${dataset.heads} heads → ${dataset.leads} team leads → members); ` +
      `generated through the HTTP API in ${fix(dataset.seconds, 1)} s ` +
      `(POST /users ${fix(dataset.createPerSec, 1)}/s, PATCH /users/:id ${fix(dataset.patchPerSec, 1)}/s, concurrency ${dataset.concurrency})`,
  );
  out.push(
    `- **Load:** autocannon ${settings.autocannon}, in-process client on the same machine, ${settings.seconds} s per scenario after ${settings.warmup} s warm-up, ` +
      `${settings.connections} connections (login: ${settings.loginConnections}); server log level \`${settings.logLevel}\``,
  );
  out.push(
    `- **Baseline:** bare Fastify ${settings.fastify} hello world in a child process, measured before and after the product scenarios ` +
      `(${int(result.baseline.before)} and ${int(result.baseline.after)} req/s); ratios use their mean ${int(result.baseline.mean)} req/s`,
  );
  out.push('');
  out.push(scenarioTable(result));
  out.push('');
  out.push(
    '`× hello` = req/s ÷ the baseline mean (1.00 = as fast as an empty Fastify route). `server CPU µs/req` = user + system CPU time of the server process ' +
      '(all its threads, so scrypt in the libuv pool counts) during the scenario ÷ requests answered; in brackets the same ÷ the baseline’s. ' +
      'It depends far less than req/s on what else the machine is doing. `RSS after` = the server’s VmRSS right after the scenario.',
  );
  out.push('');
  out.push('## Cold start (spawn → `GET /api/v1/health` answers 200)');
  out.push('');
  out.push(
    table(
      ['Database state', 'spawn → healthy', 'server-reported startupMs', 'RSS when healthy'],
      result.coldStarts.map((c) => [c.label, `${int(c.ms)} ms`, c.startupMs == null ? '–' : `${int(c.startupMs)} ms`, `${fix(c.rssMB, 0)} MB`]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push('## Memory (VmRSS from /proc)');
  out.push('');
  out.push(
    table(
      ['Process', 'RSS after load', 'peak RSS (VmHWM)'],
      result.memory.map((m) => [m.label, `${fix(m.rssMB, 0)} MB`, `${fix(m.peakMB, 0)} MB`]),
      ['l', 'r', 'r'],
    ),
  );
  out.push('');
  out.push('## First load of the web app');
  out.push('');
  if (result.firstLoad) {
    const f = result.firstLoad;
    out.push(`index.html plus the ${f.files.length - 1} JS/CSS files it references directly: **${kb(f.gzipBytes)} gzip** (${kb(f.rawBytes)} uncompressed).`);
    out.push('');
    out.push(
      table(
        ['File', 'raw', 'gzip', 'gzip from'],
        f.files.map((x) => [x.file, kb(x.raw), kb(x.gzip), x.source]),
        ['l', 'r', 'r', 'l'],
      ),
    );
  } else {
    out.push('The web app is not built (`web/dist/index.html` is missing): no app shell scenario, no first-load size. Run `npm run build` first.');
  }
  out.push('');
  out.push('## Notes');
  out.push('');
  if (result.notes.length === 0) out.push('- Every scenario answered 2xx only.');
  for (const n of result.notes) out.push(`- ${n}`);
  out.push('');
  return out.join('\n');
}
