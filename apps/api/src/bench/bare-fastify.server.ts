/**
 * The HTTP ceiling of the benchmark: a bare Fastify (the server under CivicDesk's Nest adapter)
 * answering a small JSON document, nothing else. Started by the harness like the API, on the
 * port it gives in PORT; what it sustains on this machine bounds what any route can.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/ready', () => ({ status: 'ready' }));
app.get('/api/ping', () => ({ ok: true, at: new Date().toISOString() }));

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('PORT must name the port to listen on\n');
  process.exit(64);
}
await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
