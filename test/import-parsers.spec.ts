import { FULL_COLUMNS } from '../src/exports/export-columns';
import { ImportInput, ParsedItem, RawRecord, UnreadableFileError, parseCsv, parseJsonl } from '../src/imports/import-parsers';
import { ImportProblem } from '../src/imports/import-errors';

/** Reads a parser's stream to the end: its records, and its problems (an unreadable file's last). */
async function read(items: AsyncGenerator<ParsedItem>): Promise<{ records: RawRecord[]; problems: ImportProblem[] }> {
  const records: RawRecord[] = [];
  const problems: ImportProblem[] = [];
  try {
    for await (const item of items) {
      if ('record' in item) records.push(item.record);
      else problems.push(item.problem);
    }
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    problems.push(error.problem);
  }
  return { records, problems };
}

/** A file given in small pieces, as a stream from disk gives it: records and multi-byte characters cross the cuts. */
function inPieces(text: string, size: number): ImportInput {
  const bytes = Buffer.from(text, 'utf8');
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { newImportRowMemo, readImportRow, typeValue, validatedClaim } from '../src/imports/import-row';
import { CreateClaimInput } from '../src/claims/dto/claim-fields.input';
import { LogAttributionInput, LogQuoteInput } from '../src/claims/dto/log-claim.input';
import { flattenValidationErrors } from '../src/common/validation';

const column = (name: string) => FULL_COLUMNS.find((c) => c.name === name)!;

describe('import parsing', () => {
  it('numbers CSV records by the line they start on, across quoted newlines', async () => {
    const { records, problems } = await read(parseCsv('claim_id,statement\r\na,"one\r\ntwo"\r\nb,three\r\n'));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.line, r.values.claim_id])).toEqual([[2, 'a'], [4, 'b']]);
  });

  it('reads a streamed file in pieces as it reads the whole text: same records, lines and characters', async () => {
    const csv = 'claim_id,statement\r\n\r\na,"Ça\r\nbrûle"\r\nb,"Kyiv — Київ"\r\nc,three\r\n';
    const whole = await read(parseCsv(csv));
    expect(whole.records.map((r) => [r.line, r.values.statement])).toEqual([[3, 'Ça\r\nbrûle'], [5, 'Kyiv — Київ'], [6, 'three']]);
    for (const size of [1, 2, 3, 7]) expect(await read(parseCsv(inPieces(csv, size)))).toEqual(whole);
    const jsonl = '{"claim_id":"a","statement":"Київ"}\n\n{bad\n{"claim_id":"b"}';
    const lines = await read(parseJsonl(jsonl));
    expect(lines.records.map((r) => [r.line, r.values.claim_id])).toEqual([[1, 'a'], [4, 'b']]);
    for (const size of [1, 2, 5]) expect(await read(parseJsonl(inPieces(jsonl, size)))).toEqual(lines);
  });

  it('reports malformed CSV with its line', async () => {
    expect((await read(parseCsv('a,b\n1,2\n1,2,3\n'))).problems).toEqual([{ line: 3, field: '', message: expect.stringContaining('not valid CSV') }]);
  });

  it('reads JSON Lines, skipping blank lines and the summary, and names broken lines', async () => {
    const { records, problems } = await read(parseJsonl('{"claim_id":"a"}\n\n[1]\n{bad\n{"_summary":{"rows":1}}\n'));
    expect(records).toEqual([{ line: 1, values: { claim_id: 'a' } }]);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('types CSV cells by the codebook and undoes formula neutralisation', () => {
    expect(typeValue(column('quantity_low'), '1000.5', 'csv')).toEqual({ value: 1000.5 });
    expect(typeValue(column('quantity_low'), '1,000', 'csv')).toEqual({ error: 'must be a number' });
    expect(typeValue(column('credibility'), '2.5', 'csv')).toEqual({ error: 'must be a whole number' });
    expect(typeValue(column('source_anonymous'), 'TRUE', 'csv')).toEqual({ value: true });
    expect(typeValue(column('statement'), "'=1+1", 'csv')).toEqual({ value: '=1+1' });
    expect(typeValue(column('relay_chain'), '[{"name":"AFP"},{"name":"an official"}]', 'csv')).toEqual({ value: [{ name: 'AFP' }, { name: 'an official' }] });
    expect(typeValue(column('relay_chain'), 'AFP <- an official', 'csv')).toEqual({ error: 'must be a JSON array (see the codebook)' });
    expect(typeValue(column('tags'), '["siege","negotiations"]', 'csv')).toEqual({ value: ['siege', 'negotiations'] });
    expect(typeValue(column('tags'), '[1]', 'csv')).toEqual({ error: 'must be an array of strings' });
    expect(typeValue(column('said_at'), 'last week', 'csv').error).toMatch(/ISO 8601/);
    expect(typeValue(column('quantity_low'), '5', 'jsonl')).toEqual({ error: 'must be a number' });
  });

  it('validates a row with logClaim\'s rules and names columns, not input paths', () => {
    const { problems } = readImportRow(
      { line: 7, values: { claim_id: 'x', statement: 'S', latitude: '95', quantities_json: '[{"variable":"Bad Key","lower":5,"upper":1}]', source_name: 'A', relay_chain: 'B <- C' } },
      'csv',
    );
    expect(problems.map((p) => `${p.line}:${p.field}`).sort()).toEqual(['7:latitude', '7:quantities_json[0].lower', '7:quantities_json[0].variable', '7:relay_chain']);
  });

  it('reads the primary quantity columns back into a quantity when quantities_json is absent', () => {
    const { row } = readImportRow({ line: 2, values: { claim_id: 'x', statement: 'S', quantity_variable: 'killed', quantity_low: '300', quantity_best: '300', quantity_low_inclusive: 'false' } }, 'csv');
    expect(row?.claim.quantities).toEqual([expect.objectContaining({ variable: 'killed', lower: 300, lowerInclusive: false })]);
    expect(row?.claim.quantities?.[0].value).toBeUndefined();
  });

  it('checks each row\'s quoted words even where the rest of its attribution was checked on an earlier row', () => {
    const memo = newImportRowMemo();
    const row = (line: number, quote: string) =>
      readImportRow({ line, values: { claim_id: `q${line}`, statement: 'S', source_name: 'A Monitor', stance: 'ASSERTS', article_url: 'https://paper.example.org/q', quote } }, 'csv', memo);
    const first = row(2, 'the exact words');
    const long = row(3, 'x'.repeat(5001));
    const third = row(4, 'other words');
    expect([first.problems, third.problems]).toEqual([[], []]);
    expect(long.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:quote']);
    expect([first.row?.attribution?.quote?.quote, third.row?.attribution?.quote?.quote]).toEqual(['the exact words', 'other words']);
    expect(third.row?.attribution).toBeInstanceOf(LogAttributionInput);
  });

  it('validates a claim part by part with the errors, in the order and the values class-validator gives for the whole', () => {
    const memo = newImportRowMemo();
    const good = { name: ' Tell Hamra ', country: 'SY', latitude: 36.1234567, longitude: 40.5, precision: 'NEAR' };
    const time = { start: new Date('2019-02-18'), end: new Date('2019-02-19'), precision: 'DAY' };
    const figure = { variable: 'fighters_remaining', lower: 12, qualifier: ' more than ' };
    const cases: Array<[Record<string, unknown>, object | undefined, object | undefined, unknown[]]> = [
      [{ statement: ' S ', tags: ['siege'] }, good, time, [figure]],
      [{ statement: '', hedge: '', tags: ['!'] }, { ...good, name: '', country: 'x', latitude: 100, precision: 'Q' }, { ...time, end: new Date('2019-01-01'), precision: 'Z' }, [{ variable: 'Bad Name' }, figure, { variable: 'x', value: 'NaN' }]],
      [{ statement: 'S' }, { ...good, longitude: 200 }, undefined, []],
      [{ statement: 'S'.repeat(2001) }, undefined, { start: 'not a date' }, [figure]],
      [{ statement: 'S' }, good, time, Array.from({ length: 21 }, () => figure)],
      // Own fields that plainly hold are built without class-validator: the same instance, trimmed.
      [{ statement: ' Hedged ', hedge: ' may have ', tags: [' siege ', 'cash flight'] }, undefined, undefined, []],
      [{ statement: 'S', hedge: null, tags: [] }, undefined, undefined, []],
      [{ statement: 'S', hedge: 'h'.repeat(201), tags: Array.from({ length: 31 }, () => 'x') }, undefined, undefined, []],
      [{ statement: '   ', hedge: '  ', tags: [' ', 7] }, undefined, undefined, []],
      // The same place, time and figure again: answered from the memo.
      [{ statement: 'S', tags: 'siege' }, { ...good, name: '', country: 'x', latitude: 100, precision: 'Q' }, time, [{ variable: 'Bad Name' }]],
    ];
    for (const [fields, place, eventTime, quantities] of cases) {
      const whole = plainToInstance(CreateClaimInput, { ...fields, place, eventTime, quantities });
      const parts = validatedClaim(fields, place, eventTime, quantities, memo);
      expect(parts.errors).toEqual(flattenValidationErrors(validateSync(whole)));
      expect(parts.input).toBeInstanceOf(CreateClaimInput);
      expect(JSON.parse(JSON.stringify(parts.input))).toEqual(JSON.parse(JSON.stringify(whole)));
    }
  });

  it('refuses the NUL character in a cell, a CSV text or anywhere inside a JSON Lines value', () => {
    const fields = (values: Record<string, unknown>, format: 'csv' | 'jsonl') => readImportRow({ line: 2, values: { claim_id: 'n', ...values } }, format).problems.map((p) => `${p.field}: ${p.message}`);
    // The cell is left out, so the claim also lacks its statement.
    expect(fields({ statement: 'a\u0000b' }, 'csv')).toContain('statement: must not contain the NUL character (U+0000)');
    expect(fields({ statement: 'S', quantities_json: [{ variable: 'killed', unit: 'x\u0000' }] }, 'jsonl')).toEqual(['quantities_json: must not contain the NUL character (U+0000)']);
    expect(fields({ statement: 'S' }, 'csv')).toEqual([]);
  });

  it('takes a quote without class-validator only where class-validator would accept it (a non-string is refused when typed)', () => {
    const quoteErrors = (quote: unknown) =>
      readImportRow({ line: 2, values: { claim_id: 'q', statement: 'S', source_name: 'A Monitor', article_url: 'https://paper.example.org/q', quote } as never }, 'jsonl').problems;
    for (const words of ['', 'x'.repeat(5000), 'x'.repeat(5001), '\u{1F600}'.repeat(2600)]) {
      const expected = flattenValidationErrors(validateSync(plainToInstance(LogQuoteInput, { quote: words }))).map((e) => e.message);
      expect(quoteErrors(words).filter((p) => p.field === 'quote').map((p) => p.message)).toEqual(expected);
    }
  });
});
