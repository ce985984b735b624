import { QueryFailedError } from 'typeorm';
import { describeError } from './error-log';

describe('describeError', () => {
  it('tells the class, driver code and message of a failed query, and neither its values nor a stack trace', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_note"'), {
      code: '23505',
      detail: 'Key (confidential_note)=(the secret) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO "source" VALUES ($1)', ['the secret'], driverError);
    const text = describeError(error);
    expect(text).toBe('QueryFailedError [23505]: duplicate key value violates unique constraint "uq_note"');
    expect(text).not.toContain('the secret');
  });

  it('drops a value a database message quotes at its end', () => {
    expect(describeError(new Error('invalid input syntax for type uuid: "the secret"'))).toMatch(/^Error: invalid input syntax for type uuid: "\(value not logged\)"/);
  });
});
