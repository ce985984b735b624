import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { onPostgres } from './database';

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Makes the database unreachable for the running app, the way a restart does: on PostgreSQL every
 * connection of the pool is terminated and new ones are refused; on SQLite the connection is closed.
 */
export async function loseDatabase(dataSource: DataSource): Promise<() => void> {
  const driver = dataSource.driver as any;
  if (!onPostgres) {
    driver.databaseConnection.close();
    return () => undefined;
  }
  const pool = driver.master;
  const url = pool.options.connectionString as string;
  const unreachable = new URL(url);
  unreachable.port = String(await closedPort());
  pool.options.connectionString = unreachable.toString();
  const other = new DataSource({ type: 'postgres', url });
  await other.initialize();
  await other.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  await other.destroy();
  // Give the pool a moment to drop the clients it just lost.
  await new Promise((r) => setTimeout(r, 200));
  return () => {
    pool.options.connectionString = url;
  };
}
