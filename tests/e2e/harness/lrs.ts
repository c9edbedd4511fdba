/**
 * A tiny Learning Record Store for the browser tests: `POST`/`PUT <base>/xapi/statements` store
 * statements by id and answer with `X-Experience-API-Version`, with the CORS headers a real LRS
 * sends to a game served from another origin. `setDown(true)` makes it answer 503 until set back.
 * It counts every id that arrives again after it was stored (`duplicates`), so a test can show
 * that each statement arrived exactly once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestLrs {
  /** The xAPI endpoint, e.g. `http://127.0.0.1:41234/xapi/`. */
  endpoint: string;
  /** `scheme://host:port`, to recognise its requests in the page's problem list. */
  origin: string;
  /** Stored statements by id, in arrival order. */
  stored: Map<string, Record<string, unknown>>;
  /** Ids that arrived in a successful request after they were already stored. */
  duplicates: string[];
  /** Every statement id any request carried (also those answered 503). */
  seen: Set<string>;
  /** Requests answered 503. */
  refused: number;
  /** Authorization headers received. */
  authorizations: Set<string>;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

const VERSION = '1.0.3';

export async function startTestLrs(): Promise<TestLrs> {
  let down = false;
  const lrs = {
    stored: new Map<string, Record<string, unknown>>(),
    duplicates: [] as string[],
    seen: new Set<string>(),
    refused: 0,
    authorizations: new Set<string>(),
  };
  const cors = (res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Experience-API-Version');
    res.setHeader('X-Experience-API-Version', VERSION);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    cors(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname !== '/xapi/statements' || (req.method !== 'POST' && req.method !== 'PUT')) {
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end('statements must be JSON');
    }
    const list = (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
    if (req.method === 'PUT') list[0] = { ...list[0], id: url.searchParams.get('statementId') ?? list[0]?.id };
    for (const s of list) if (typeof s.id === 'string') lrs.seen.add(s.id);
    lrs.authorizations.add(req.headers.authorization ?? '');
    if (down) {
      lrs.refused += 1;
      return void res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down for maintenance');
    }
    if (req.headers['x-experience-api-version'] === undefined) {
      return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end('X-Experience-API-Version header missing');
    }
    const ids: string[] = [];
    for (const s of list) {
      const id = String(s.id);
      if (lrs.stored.has(id)) lrs.duplicates.push(id);
      else lrs.stored.set(id, s);
      ids.push(id);
    }
    if (req.method === 'PUT') return void res.writeHead(204).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ids));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    ...lrs,
    get refused() {
      return lrs.refused;
    },
    endpoint: `${origin}/xapi/`,
    origin,
    setDown(value) {
      down = value;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
