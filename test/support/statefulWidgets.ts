// A long-lived target for a model-only service: the stand-in Widgets service (widgetsModel.ts) with a DeleteWidget,
// served by a real node:http server on 127.0.0.1 that keeps widgets by name. Validation is the builtin emulator's
// (the stateless mock the run's oracle agrees with), the state is this file's: a second CreateWidget of a name is
// ResourceInUseException (unless it replays the ClientToken that created it), DeleteWidget/DescribeWidget of an
// unknown one ResourceNotFoundException, as DynamoDB does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { WIDGETS } from './widgetsModel.ts';

/** Widgets with its inverse: DeleteWidget{WidgetName}. */
export const WIDGETS_WITH_DELETE = {
  ...WIDGETS,
  operations: { ...WIDGETS.operations, DeleteWidget: { name: 'DeleteWidget', input: { shape: 'DeleteWidgetInput' }, output: { shape: 'DeleteWidgetOutput' }, errors: [{ shape: 'ResourceNotFoundException' }, { shape: 'ResourceInUseException' }] } },
  shapes: { ...WIDGETS.shapes, DeleteWidgetInput: WIDGETS.shapes.DescribeWidgetInput, DeleteWidgetOutput: WIDGETS.shapes.DescribeWidgetOutput },
};

export interface WidgetsTarget {
  url: string;
  /** The widgets that exist now, by name. */
  widgets: Set<string>;
  /** Creates answered 2xx so far. */
  created: number;
  /** Answers to `X-Amz-Target` operations, and what they were (fault injection). */
  answer?: (operation: string, input: Record<string, unknown> | undefined) => { status: number; body: unknown } | undefined;
  close(): Promise<void>;
}

const read = (req: IncomingMessage): Promise<string> => new Promise((resolve, reject) => {
  let body = '';
  req.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(body)).on('error', reject);
});

/** Starts the target; the service's model must already be known to this process (useModel / --model). */
export async function startWidgetsTarget(): Promise<WidgetsTarget> {
  const emulator: RunningEmulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const t: WidgetsTarget = { url: '', widgets: new Set(), created: 0, close: async () => undefined };
  const tokens = new Map<string, string>(); // widget name → the ClientToken that created it
  const reply = (res: ServerResponse, status: number, body: unknown, code?: string) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...(code ? { 'x-amzn-errortype': code } : {}) });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await read(req);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let input: Record<string, unknown> | undefined;
      try { const v = JSON.parse(raw) as unknown; input = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined; } catch { input = undefined; }
      const injected = t.answer?.(operation, input);
      if (injected) { reply(res, injected.status, injected.body); return; }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const up = await fetch(emulator.url, { method: 'POST', headers, body: raw });
      const text = await up.text();
      const name = typeof input?.WidgetName === 'string' ? input.WidgetName : undefined;
      if (up.ok && name !== undefined) {
        const token = typeof input?.ClientToken === 'string' ? input.ClientToken : undefined;
        if (operation === 'CreateWidget' && !(t.widgets.has(name) && token !== undefined && tokens.get(name) === token)) {
          // A replay of the same token is answered as the original (the mock's answer), anything else on an existing name is a conflict.
          if (t.widgets.has(name)) return reply(res, 400, { __type: 'ResourceInUseException', message: `Widget ${name} exists` }, 'ResourceInUseException');
          t.widgets.add(name);
          if (token !== undefined) tokens.set(name, token);
          t.created++;
        }
        if ((operation === 'DeleteWidget' || operation === 'DescribeWidget') && !t.widgets.has(name)) {
          return reply(res, 400, { __type: 'ResourceNotFoundException', message: `Widget ${name} not found` }, 'ResourceNotFoundException');
        }
        if (operation === 'DeleteWidget') { t.widgets.delete(name); tokens.delete(name); }
      }
      res.writeHead(up.status, Object.fromEntries([...up.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding')));
      res.end(text);
    })().catch((e: unknown) => { res.writeHead(500); res.end(String(e)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await emulator.close();
  };
  return t;
}
