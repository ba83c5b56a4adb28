// Child process for the send benchmark: a trivial echo server or the builtin emulator, on loopback, in its
// own process so the client loop and the server do not share one event loop. Tells the parent its URL.
import { createServer } from 'node:http';
import { startEmulator } from '../src/emulator/index.ts';

const kind = process.argv[2];
if (kind === 'echo') {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send?.({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
  });
} else {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 5 });
  process.send?.({ url: emulator.url });
}
process.on('disconnect', () => process.exit(0));
