// The yardstick: a bare Fastify 5 hello-world JSON server, no plugins, no logger.
// Started by bench/run.mjs as a child process: PORT (and optionally HOST) from the environment.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT ?? 3999), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
