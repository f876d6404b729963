// Sums up a V8 CPU profile (.cpuprofile, e.g. from BENCH_CPU_PROF=dir npm run bench): where the server's time went,
// by package / part of Innenhof (self time), and the heaviest functions (self and total time).
//   node bench/profile-summary.mjs <file.cpuprofile> [--top N]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '20' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]');
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame lives: a package, a part of Innenhof's server, Node.js itself, or V8's pseudo-frames. */
function area(frame) {
  const url = frame.url ?? '';
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/server/dist/');
  if (dist >= 0) {
    const parts = url.slice(dist + '/server/dist/'.length).split('/');
    return `innenhof: ${parts[0] === 'features' || parts[0] === 'core' ? `${parts[0]}/${parts[1].replace(/\.js$/, '')}` : parts[0]}`;
  }
  return path.basename(url);
}
const fnKey = (frame) => `${frame.functionName || '(anonymous)'} ${area(frame)}${frame.url ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;

const selfByNode = new Map();
const times = profile.timeDeltas ?? [];
for (let i = 0; i < profile.samples.length; i++) selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + (times[i] ?? 0));

const selfArea = new Map();
const selfFn = new Map();
const totalFn = new Map();
let all = 0;
let idle = 0;
for (const [id, us] of selfByNode) {
  const node = byId.get(id);
  all += us;
  if (node.callFrame.functionName === '(idle)') {
    idle += us;
    continue;
  }
  const a = area(node.callFrame);
  selfArea.set(a, (selfArea.get(a) ?? 0) + us);
  const k = fnKey(node.callFrame);
  selfFn.set(k, (selfFn.get(k) ?? 0) + us);
  // Total (inclusive) time: once per function on the stack.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = fnKey(byId.get(cur).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    totalFn.set(key, (totalFn.get(key) ?? 0) + us);
  }
}
const busy = all - idle;
const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const list = (map, n, filter = () => true) =>
  [...map]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `  ${ms(us)} ${pct(us)}  ${k}`)
    .join('\n');

console.log(`${positionals[0]}: ${(all / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)\n`);
console.log(`Self time by area:\n${list(selfArea, top)}\n`);
console.log(`Heaviest functions, self time:\n${list(selfFn, top)}\n`);
console.log(`Innenhof's functions, total time (including what they call):\n${list(totalFn, top, (k) => k.includes(' innenhof: '))}`);
