import { DataSource } from 'typeorm';

/**
 * The PostgreSQL advisory lock every instance takes for what it does to a shared database at start
 * (migrations, demo data), so that instances started together take turns instead of racing: the
 * second waits, then finds the work done. A session lock: it goes if the instance holding it dies.
 */
export const STARTUP_LOCK_KEY = 7_001_414_141;

export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'postgres') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
