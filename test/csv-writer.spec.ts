import { parse } from 'csv-parse/sync';
import { csvCell, csvChunk, csvField, neutraliseFormula, restoreFormula } from '../src/exports/csv-writer';
import { FULL_COLUMNS } from '../src/exports/export-columns';

const column = (name: string) => FULL_COLUMNS.find((c) => c.name === name)!;

describe('CSV writing', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "'already"])('neutralises %j and restores it exactly', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(restoreFormula(neutraliseFormula(text))).toBe(text);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseFormula('Baghouz')).toBe('Baghouz');
    expect(restoreFormula("it's")).toBe("it's");
    expect(csvCell(column('longitude'), -40.5)).toBe('-40.5');
    expect(csvCell(column('quantity_approximate'), false)).toBe('false');
    expect(csvCell(column('statement'), null)).toBe('');
  });

  it('writes every list column as a JSON array, [] when empty, so no name needs a reserved separator', () => {
    expect(csvCell(column('tags'), ['a', 'b; c'])).toBe('["a","b; c"]');
    expect(csvCell(column('tags'), [])).toBe('[]');
    const chain = [{ source_id: 's1', name: 'Alpha <- Beta', kind: 'MEDIA_OUTLET', cue: 'quoting' }];
    expect(JSON.parse(csvCell(column('relay_chain'), chain))).toEqual(chain);
    expect(csvCell(column('conditions'), ['=x'])).toBe('["=x"]');
    expect(csvCell(column('relay_chain'), null)).toBe('');
  });

  it('writes RFC 4180: header, quoted commas, quotes and newlines, CRLF', () => {
    const columns = [column('claim_id'), column('statement')];
    const text = csvChunk(columns, [{ claim_id: 'c1', statement: 'He said "no", then\nleft' }], true);
    expect(text).toBe('claim_id,statement\r\nc1,"He said ""no"", then\nleft"\r\n');
    expect(parse(text, { columns: true })).toEqual([{ claim_id: 'c1', statement: 'He said "no", then\nleft' }]);
  });
});

describe('csvField', () => {
  const hostile = ['plain', '', ' spaced ', 'a,b', '"', '""', 'say "hi"', 'line\nbreak', 'cr\rlf\r\n', ',,,', '"start', 'end"', 'ünïcödé, “curly”', '\t tab'];

  it.each(hostile)('round-trips %j through csv-parse', (text) => {
    const line = `${csvField(text)},${csvField('next')}\r\n`;
    expect(parse(line, { relax_column_count: false })).toEqual([[text, 'next']]);
  });

  it('quotes only when RFC 4180 needs it', () => {
    expect(csvField('Baghouz')).toBe('Baghouz');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});
