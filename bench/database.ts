import { Client } from 'pg';

/** Creates (or recreates) the bench database and applies the app's own PostgreSQL migrations. */
export async function recreateDatabase(serverUrl: string, name: string, url: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const admin = new Client({ connectionString: `${serverUrl.replace(/\/+$/, '')}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // Collation C: the same order as the C.UTF-8 most servers here run with (code points), but PostgreSQL then
    // compares text keys with memcmp and abbreviated keys instead of strcoll, which makes building the uuid-led
    // indexes after the load about a third cheaper (see BENCHMARKS.md, "Data generation at scale 40").
    const { rows } = await admin.query<{ ctype: string }>(`SELECT datctype AS ctype FROM pg_database WHERE datname = 'template1'`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '${rows[0].ctype.replace(/'/g, "''")}'`);
  } finally {
    await admin.end();
  }
  // Entity column types are chosen from the environment when the entities are first imported.
  process.env.DATABASE_URL = url;
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('../src/data-source-options');
  const dataSource = new DataSource(dataSourceOptions({ ...process.env, DATABASE_URL: url }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** A marker so `--reuse-db` only reuses a data set generated with the same scale and seed. */
export async function readMarker(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const r = await client.query(`SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = current_database()`);
    return r.rows[0]?.marker ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

export async function writeMarker(url: string, marker: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT current_database() AS name');
    await client.query(`COMMENT ON DATABASE "${rows[0].name}" IS '${marker.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}
