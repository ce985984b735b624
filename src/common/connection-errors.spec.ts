import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { unavailableFrom } from './connection-errors';

/** The error shapes the drivers give when the database goes away mid-request, and some that are not that. */
describe('unavailableFrom', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

  it.each([
    ['a backend terminated by a restart (57P01), wrapped by TypeORM', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['the server still starting (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection failure class 08', pgError('08006', 'connection failure')],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['node-postgres losing the socket', new Error('Connection terminated unexpectedly')],
    ['a transaction whose connection TypeORM released when it failed', new QueryRunnerAlreadyReleasedError()],
    ['a closed SQLite handle', new TypeError('The database connection is not open')],
  ])('maps %s to SERVICE_UNAVAILABLE', (_what, error) => {
    expect(unavailableFrom(error)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601', 'syntax error'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('leaves %s alone', (_what, error) => {
    expect(unavailableFrom(error)).toBeNull();
  });
});
