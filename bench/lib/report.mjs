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

const metOrMissed = (ok) => (ok ? 'met' : 'missed');

/** The scenario's target from the issue, each part met or missed (a scenario with errors misses it). */
export function targetText(s) {
  const t = s.target;
  if (!t) return '';
  const clean = s.total > 0 && !s.errors && !s.non2xx;
  const parts = [];
  if (t.ratio !== undefined) parts.push(`≥ ${t.ratio} × hello ${metOrMissed(clean && s.ratio >= t.ratio)}`);
  if (t.rps !== undefined) parts.push(`≥ ${int(t.rps)}/s${t.note ? ` ${t.note}` : ''} ${metOrMissed(clean && s.rps >= t.rps)}`);
  if (t.p99 !== undefined) parts.push(`p99 ≤ ${t.p99} ms ${metOrMissed(clean && s.p99 <= t.p99)}`);
  return parts.join('; ');
}

/** The scaling check in one line: home feed p50 at the run's scale against the reference company. */
export function scalingLine(scaling) {
  const { reference: ref, measured: m } = scaling;
  return (
    `Scaling check: home feed p50 ${fix(m.p50, 1)} ms at ${m.scale} (${int(m.posts)} posts) vs ${fix(ref.row.p50, 1)} ms at ${ref.scale} ` +
    `(${int(ref.posts)} posts): ` +
    (Number.isFinite(scaling.ratio) && m.p50 > 0 && ref.row.p50 > 0
      ? `${fix(scaling.ratio, 2)} × — within ${scaling.target} × ${metOrMissed(scaling.ratio <= scaling.target)}`
      : 'not measured (no request finished in one of the runs)')
  );
}

export function scenarioTable(result) {
  const head = [
    'Scenario',
    'conns',
    'req/s',
    '× hello',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'errors / non-2xx',
    'server CPU µs/req (× hello)',
    'RSS after / peak MB',
    'target',
  ];
  const hello = result.baseline.cpuMicrosPerReq;
  const rows = result.scenarios.map((s) => [
    s.name,
    s.connections,
    int(s.rps),
    fix(s.ratio, 2),
    s.total ? int(s.p50) : '–',
    s.total ? int(s.p90) : '–',
    s.total ? int(s.p99) : '–',
    `${s.errors} / ${s.non2xx}`,
    `${int(s.cpuMicrosPerReq)} (${fix(s.cpuMicrosPerReq / hello, s.cpuMicrosPerReq / hello < 10 ? 1 : 0)})`,
    `${fix(s.rssAfterMB, 0)} / ${fix(s.peakMB, 0)}`,
    targetText(s),
  ]);
  return table(head, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);
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
  if (result.cluster)
    out.push(
      `- **Cluster:** ${result.cluster.instances} Innenhof instances on that database, meeting through Redis, behind a ${result.cluster.balancer}; ` +
        'the HTTP load goes through the proxy (its own CPU is not counted), the server CPU and memory columns are the instances summed; ' +
        'in the chat scenario the senders post to the first instance and the receiver listens on the last, so every message crosses instances',
    );
  const c = dataset.counts;
  out.push(
    `- **Dataset:** scale **${dataset.scale}**${result.quick ? ' (`--quick`)' : ''}, seed ${dataset.seed}: ${int(c.users)} people, ${int(c.groups)} groups, ` +
      `${int(c.posts)} posts, ${int(c.comments)} comments, ${int(c.reactions)} reactions, ${int(c.messages)} chat messages in ${int(c.conversations)} conversations ` +
      `(${int(dataset.rows)} rows in all); generated in ${fix(dataset.generatorMs / 1000, 1)} s (${int(dataset.rowsPerSecond)} rows/s; ` +
      `${fix(dataset.wallMs / 1000, 1)} s with start-up and migrations) by \`server/dist/bench/generate-cli.js\``,
  );
  out.push(
    `- **Load:** autocannon ${settings.autocannon}, in-process client on the same machine, ${settings.seconds} s per scenario after ${settings.warmup} s warm-up, ` +
      `${settings.connections} connections (login: ${settings.loginConnections}); ${settings.readers} logged-in employees in rotation, ` +
      `${settings.writers} of them writing; server log level \`${settings.logLevel}\``,
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
      '(all its threads, so scrypt in the libuv pool counts) during the scenario and until it is idle again ÷ (requests answered + the one per connection still in flight at the end); in brackets the same ÷ the baseline’s. ' +
      'It depends far less than req/s on what else the machine is doing. `RSS after / peak` = the server’s VmRSS right after the scenario and its peak so far (VmHWM). ' +
      '`target` = the issue’s target for the scenario, met or missed (never a failure of the run).',
  );
  out.push('');
  out.push('## Scaling check (home feed p50, the same scenario on a small and a large company)');
  out.push('');
  if (result.scaling) {
    const sc = result.scaling;
    out.push(`- ${scalingLine(sc)}.`);
    out.push(
      `- Reference company: scale ${sc.reference.scale}, ${int(sc.reference.people)} people, generated in ${fix(sc.reference.generatorMs / 1000, 1)} s; ` +
        `${int(sc.reference.row.rps)} req/s, p50 / p90 / p99 ${int(sc.reference.row.p50)} / ${int(sc.reference.row.p90)} / ${int(sc.reference.row.p99)} ms.`,
    );
  } else {
    out.push(`Not run (${result.quick ? '`--quick`' : `scale ${dataset.scale}: it runs for M and L, or with \`--scaling-check\``}).`);
  }
  out.push('');
  if (result.realtime) {
    out.push(...realtimeSection(result));
    out.push('');
  }
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
  const idle = result.coldStarts[0]?.rssMB;
  if (Number.isFinite(idle))
    out.push(
      `Idle RSS (the server just started on the generated company, before any load): ${fix(idle, 0)} MB — target ≤ 150 MB ${idle <= 150 ? 'met' : 'missed'}.`,
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

const ms = (n, d = 1) => (Number.isFinite(n) ? `${n.toFixed(d)} ms` : '–');
const secs = (msValue) => (Number.isFinite(msValue) ? `${(msValue / 1000).toFixed(1)} s` : '–');
const verdict = (ok) => (ok ? 'met' : '**NOT met**');

/** The chat real-time section: connecting idle sockets, memory per socket, send → receive latency, against the bar. */
export function realtimeSection(result) {
  const rt = result.realtime;
  const bar = rt.bar;
  const o = rt.settings;
  const out = [];
  out.push('## Chat real-time (Socket.IO, `/api/v1/realtime`)');
  out.push('');
  out.push(
    `**Bar** (chat issue): a message sent by one client arrives on another client with **p50 ≤ ${bar.p50Ms} ms and p99 ≤ ${bar.p99Ms} ms** ` +
      `on one machine with ${int(bar.idleSockets)} idle connected clients; idle memory **≤ ${bar.kbPerSocket} KB per connection**.`,
  );
  out.push('');
  out.push(
    `Idle clients: socket.io-client ${o.clientVersion ?? ''} in the bench process, WebSocket only, each with a real session cookie; ` +
      `${int(rt.people.idle)} people logged in once each (${fix(rt.people.loginSeconds, 1)} s of scrypt) and their sessions spread round-robin over the sockets, ` +
      `${o.connectConcurrency} handshakes in flight. Each level connects from scratch, waits until the server is quiet plus ${o.settleMs / 1000} s, ` +
      `measures, and disconnects everyone.`,
  );
  out.push('');
  out.push(
    table(
      [
        'idle sockets',
        'people',
        'connected',
        'connect time',
        'first / last 10 %',
        'server CPU connecting',
        'server busy after',
        'presence events to clients',
        'server RSS before → after',
        `KB/socket (bar ≤ ${bar.kbPerSocket})`,
        'of it JS heap',
        'RSS without GC',
        'bench KB/socket',
        'disconnect: server busy (CPU)',
      ],
      rt.levels.map((l) => {
        const first = l.deciles[0];
        const last = l.deciles.length === 10 ? l.deciles[9] - l.deciles[8] : Number.NaN;
        return [
          int(l.idle),
          int(l.people),
          `${int(l.connected)}${l.connected < l.idle ? ' (!)' : ''}`,
          secs(l.connectMs),
          `${secs(first)} / ${secs(last)}`,
          secs(l.connectServerCpuMs),
          `${secs(l.serverBusyAfterConnectMs)}${l.serverBusyTimedOut ? ' (still busy)' : ''}`,
          int(l.presenceEventsConnect),
          `${fix(l.rssBeforeMB, 0)} → ${fix(l.rssAfterMB, 0)} MB${l.memoryAfterGc ? '' : ' (no GC)'}`,
          fix(l.kbPerSocket, 1),
          fix(l.heapKbPerSocket, 1),
          fix(l.rawRssKbPerSocket, 1),
          fix(l.benchKbPerSocket, 1),
          `${secs(l.disconnect?.ms)}${l.disconnect?.timedOut ? ' (still busy)' : ''} (${secs(l.disconnect?.serverCpuMs)})`,
        ];
      }),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(
    table(
      [
        'idle sockets',
        'messages received',
        'send → receive p50',
        'p95',
        'p99',
        'max',
        'HTTP POST p50 / p99',
        'response → receive p50 / p99',
        'lost / errors',
        'idle server CPU',
      ],
      rt.levels
        .filter((l) => l.sendToReceive)
        .map((l) => [
          int(l.idle),
          `${int(l.messages.received)} / ${int(l.messages.count)}`,
          ms(l.sendToReceive.p50, 2),
          ms(l.sendToReceive.p95, 2),
          ms(l.sendToReceive.p99, 2),
          ms(l.sendToReceive.max, 1),
          `${ms(l.http.p50, 2)} / ${ms(l.http.p99, 2)}`,
          `${ms(l.responseToReceive.p50, 2)} / ${ms(l.responseToReceive.p99, 2)}`,
          `${l.messages.lost} / ${Object.values(l.messages.errors).reduce((a, b) => a + b, 0)}`,
          `${fix(l.idleCpuPct, 1)} %`,
        ]),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(
    `Latency: ${o.senders} colleagues each have a direct chat with one receiver (all with a tab open); they send ${o.messages} messages one after another ` +
      `(after ${o.warmupMessages} warm-up messages), each waiting for its arrival, ${o.gapMs}–${o.gapMs * 2} ms apart, rotating senders to stay under the flood limit ` +
      '(30 per 10 s per person). **send → receive** = `POST /api/v1/conversations/:id/messages` starts → the `message.created` event arrives on the receiver’s socket ' +
      '(the bar’s figure). **HTTP POST** = the sender’s request alone. **response → receive** = the sender has its answer → the receiver has the message; negative = the ' +
      'push arrived before the HTTP response. `first / last 10 %` = time to connect the first and the last tenth of the sockets (a last tenth much slower than the ' +
      'first means the cost per connection grows with the number connected). `presence events` = `presence` messages the idle clients received while connecting. ' +
      '`KB/socket` = (server VmRSS after − before) ÷ sockets connected, each taken right after a full garbage collection (through the inspector, ' +
      'opened by SIGUSR1 on a port the bench chose); `of it JS heap` = the same for `heapUsed`; `RSS without GC` = the plain VmRSS difference, ' +
      'which depends on when V8 last collected.',
  );
  out.push('');
  for (const l of rt.levels) {
    const parts = [];
    if (l.sendToReceive) {
      parts.push(`p50 ${ms(l.sendToReceive.p50, 2)} (≤ ${bar.p50Ms} ms) ${verdict(l.sendToReceive.p50 <= bar.p50Ms)}`);
      parts.push(`p99 ${ms(l.sendToReceive.p99, 2)} (≤ ${bar.p99Ms} ms) ${verdict(l.sendToReceive.p99 <= bar.p99Ms)}`);
    } else {
      parts.push('latency not measured');
    }
    parts.push(`${fix(l.kbPerSocket, 1)} KB/socket (≤ ${bar.kbPerSocket} KB) ${verdict(l.kbPerSocket <= bar.kbPerSocket)}`);
    if (l.connected < l.idle) parts.push(`only ${int(l.connected)} of ${int(l.idle)} connected ${verdict(false)}`);
    out.push(`- **${int(l.idle)} idle sockets${l.idle === bar.idleSockets ? ' (the bar’s level)' : ''}:** ${parts.join('; ')}.`);
    for (const [why, count] of Object.entries(l.failures)) out.push(`  - ${int(count)} connections failed: \`${why}\``);
    if (l.messages?.stoppedEarly) out.push(`  - Latency stopped early: ${l.messages.stoppedEarly}.`);
    for (const [why, count] of Object.entries(l.messages?.errors ?? {})) out.push(`  - ${int(count)} sends failed: \`${why.replace(/\s+/g, ' ')}\``);
    if (l.messages?.pacedMs > 0) out.push(`  - Waited ${secs(l.messages.pacedMs)} for the flood limit (more senders: \`BENCH_CHAT_SENDERS\`).`);
  }
  if (!rt.levels.some((l) => l.idle === bar.idleSockets)) out.push(`- The bar’s level (${int(bar.idleSockets)} idle sockets) was not run.`);
  return out;
}
