// A round-robin TCP proxy in front of several Innenhof instances, standing in for the load balancer (nginx,
// HAProxy) a cluster runs behind: `node bench/lib/balancer.mjs <listen port> <backend port>…`, on 127.0.0.1 only.
// Plain TCP, so HTTP keep-alive and WebSocket upgrades pass through untouched; each new connection goes to the
// next backend. Started and stopped by bench/run.mjs (--cluster N).
import net from 'node:net';

const [listenPort, ...backendPorts] = process.argv.slice(2).map(Number);
if (!listenPort || backendPorts.length === 0 || backendPorts.some((p) => !Number.isInteger(p) || p <= 0)) {
  console.error('usage: node bench/lib/balancer.mjs <listen port> <backend port>…');
  process.exit(2);
}

let next = 0;
const accepted = backendPorts.map(() => 0);
const server = net.createServer((client) => {
  const index = next;
  next = (next + 1) % backendPorts.length;
  accepted[index]++;
  const upstream = net.connect(backendPorts[index], '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close).on('close', close);
  upstream.on('error', close).on('close', close);
});
server.listen(listenPort, '127.0.0.1', () => console.log(`balancer: 127.0.0.1:${listenPort} → ${backendPorts.join(', ')}`));
process.once('SIGTERM', () => {
  console.log(`balancer: connections per backend ${accepted.join(' / ')}`);
  process.exit(0);
});
