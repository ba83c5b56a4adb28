// node:http adapter: reads the X-Amz-Target header and the (bounded) body, hands both to the pipeline,
// writes what it returns. No logging of any kind (requests carry Authorization headers); no disk I/O.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handle } from './pipeline.ts';
import type { WireResponse } from './respond.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Request bodies above this many bytes are refused with 413 (default 8 MiB). */
  maxBodyBytes?: number;
}

export interface Serving {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

// Inferred: no AWS source names an error for an oversized body; front ends answer 413. The body still
// follows the awsJson error shape so any client can parse it.
const TOO_LARGE = (limit: number): WireResponse => ({
  status: 413,
  headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amzn-ErrorType': 'RequestEntityTooLargeException', Connection: 'close' },
  body: JSON.stringify({ __type: 'RequestEntityTooLargeException', message: `Request body exceeds ${limit} bytes` }),
});

export function serve(handle: Handle, options: ServeOptions = {}): Promise<Serving> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let requests = 0;

  const write = (res: ServerResponse, r: WireResponse): void => {
    const id = (++requests).toString(16).padStart(12, '0');
    res.writeHead(r.status, {
      ...r.headers,
      'Content-Length': Buffer.byteLength(r.body),
      'x-amzn-RequestId': `00000000-0000-4000-8000-${id}`,
    });
    res.end(r.body);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.headers['x-amz-target'];
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        write(res, TOO_LARGE(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const body = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
      // Inferred: only POST reaches an operation (awsJson); any other method is an unknown operation.
      write(res, handle(req.method === 'POST' ? (Array.isArray(target) ? target[0] : target) : undefined, body));
    });
    req.on('error', () => res.destroy());
  };

  const server = createServer({ keepAlive: true }, onRequest);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        server,
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
