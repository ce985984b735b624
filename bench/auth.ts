import { Client } from 'pg';
import { generateApiKey, hashApiKey, keyPrefix } from '../src/access/api-keys';
import { newId } from '../src/common/ids';

/**
 * claimdesk answers only requests with an API key: the bench gives itself an admin key in the
 * bench database, as `create-admin` would, and sends it to all three servers (the others ignore it).
 */
export async function createBenchKey(databaseUrl: string): Promise<string> {
  const key = generateApiKey();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = newId();
    const now = new Date();
    await client.query(`INSERT INTO app_user (id, created_at, updated_at, version, name, role) VALUES ($1, $2, $2, 1, 'Benchmark', 'ADMIN')`, [userId, now]);
    await client.query(`INSERT INTO api_key (id, user_id, name, prefix, hash, created_at) VALUES ($1, $2, 'bench', $3, $4, $5)`, [newId(), userId, keyPrefix(key), hashApiKey(key), now]);
  } finally {
    await client.end();
  }
  return key;
}

let benchKey: string | null = null;

export function useBenchKey(key: string): void {
  benchKey = key;
}

export function requestHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', ...(benchKey ? { authorization: `Bearer ${benchKey}` } : {}) };
}
