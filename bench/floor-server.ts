import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { POSTGRES_SESSION_OPTIONS } from '../src/database/postgres-session';
import { AFTER_SQL, DESK_SQL, DETAIL_SQL, EMPTY_PAGE_BODY, filteredByIdsSql, LIST_SQL, NAMED_SOURCE_IDS_SQL } from './sql';

/**
 * The SQL floor: what the read workloads cost with no framework at all. POST /<workload> with a
 * JSON body of parameters; one hand-written statement builds the response body in PostgreSQL.
 * Same pool size as the other servers (pg's default, 10).
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: POSTGRES_SESSION_OPTIONS });

const handlers: Record<string, (p: Record<string, unknown>) => [string, unknown[]]> = {
  '/list': (p) => [LIST_SQL, [p.first]],
  '/detail': (p) => [DETAIL_SQL, [p.id]],
  '/after': (p) => [AFTER_SQL, [p.first, p.after ?? 'ffffffff-ffff-7fff-bfff-ffffffffffff']],
  '/desk': (p) => [DESK_SQL, [p.first]],
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** b in two statements, as claimdesk runs it: the name's source ids, then the page planned for them (unnamed). */
async function filtered(p: Record<string, unknown>): Promise<string> {
  const { rows } = await pool.query({ name: '/filtered/ids', text: NAMED_SOURCE_IDS_SQL, values: [p.key] });
  const ids: string[] = rows[0].ids;
  if (!ids.length) return EMPTY_PAGE_BODY;
  return (await pool.query({ text: filteredByIdsSql(ids.length), values: [p.first, ...ids] })).rows[0].body;
}

const server = createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/filtered') return send(res, 200, await filtered(JSON.parse((await readBody(req)) || '{}')));
    const handler = handlers[req.url ?? ''];
    if (req.method !== 'POST' || !handler) return send(res, 404, '{"error":"not found"}');
    const [sql, params] = handler(JSON.parse((await readBody(req)) || '{}'));
    const { rows } = await pool.query({ name: req.url, text: sql, values: params }); // named: parsed and planned once per connection
    send(res, 200, rows[0].body);
  } catch (error) {
    send(res, 500, JSON.stringify({ error: String(error) }));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor listening on ${process.env.PORT}`));
