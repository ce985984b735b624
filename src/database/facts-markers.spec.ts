import { FactsMarkers } from './facts-markers';
import { PostgresJsonSql, SqliteJsonSql } from './json-sql';

describe('FactsMarkers', () => {
  const count = { value: (facts: unknown) => `${(facts as unknown[]).length} facts` };
  const first = { value: (facts: unknown) => (facts as Array<{ name: string }>)[0]?.name ?? null };

  it('writes a marker object with one key per rule, the same key for the same rule', () => {
    const markers = new FactsMarkers(new PostgresJsonSql());
    expect(markers.mark(count, 'f1')).toBe(`json_build_object('$0', f1)`);
    expect(markers.mark(first, 'f2')).toBe(`json_build_object('$1', f2)`);
    expect(markers.mark(count, 'f3')).toBe(`json_build_object('$0', f3)`);
    expect(new FactsMarkers(new SqliteJsonSql()).mark(count, 'f')).toBe(`json_object('$0', f)`);
  });

  it('replaces each marker in either database\'s spacing, nested ones included, and leaves look-alikes in strings alone', () => {
    const markers = new FactsMarkers(new PostgresJsonSql());
    markers.mark(count, '');
    markers.mark(first, '');
    const finish = markers.finisher();
    // A statement that quotes a marker is escaped in JSON text, so it is never taken for one.
    const text =
      `{"id" : "c1", "statement" : "say {\\"$0\\" : [1]} ] } \\\\", "line" : {"$0" : [{"name" : "a ] \\" }"}, {"name" : "b"}]}, ` +
      `"conflictsWith" : [{"line":{"$0":[]},"who":{"$1":[{"name":"N"}]}}], "empty" : {"$1" : []}}`;
    const done = finish(text);
    expect(JSON.parse(done)).toEqual({
      id: 'c1',
      statement: 'say {"$0" : [1]} ] } \\',
      line: '2 facts',
      conflictsWith: [{ line: '0 facts', who: 'N' }],
      empty: null,
    });
  });

  it('leaves the text as it is when nothing was marked', () => {
    const finish = new FactsMarkers(new SqliteJsonSql()).finisher();
    const text = '{"a":{"$0":[1]}}';
    expect(finish(text)).toBe(text);
  });
});
