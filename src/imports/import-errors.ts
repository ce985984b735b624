import { DomainError } from '../common/errors';

/** One problem in an import file: where (1-based line of the record's start), which column, and why. */
export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * The whole import is refused: nothing was written. `errors` lists every problem found;
 * `fields` repeats them in the service's usual `{field, message}` shape ("line 3: source_kind"; "line 2" for
 * a problem of the whole record, such as CSV that does not parse).
 */
export class ImportRejectedError extends DomainError {
  constructor(
    readonly errors: ImportProblem[],
    code: 'BAD_USER_INPUT' | 'FORBIDDEN' = 'BAD_USER_INPUT',
  ) {
    super(code, `${errors.length} problem${errors.length === 1 ? '' : 's'} in the file; nothing was written`, {
      errors,
      fields: errors.map((e) => ({ field: e.field ? `line ${e.line}: ${e.field}` : `line ${e.line}`, message: e.message })),
    });
  }
}
