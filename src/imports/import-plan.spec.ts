import { ImportPlan } from './import-plan';
import { ImportRow, readImportRow } from './import-row';

/** A valid row of claim `key`, with the claim's statement and a speaker. */
function row(line: number, key: string, statement: string, source = 'Monitor A'): ImportRow {
  const { row: read, problems } = readImportRow({ line, values: { claim_id: key, statement, source_name: source } }, 'jsonl');
  if (!read) throw new Error(JSON.stringify(problems));
  return read;
}

// The import writes one batch while it reads the next (import.service.ts): rows of a claim whose batch is still being
// written arrive before the claim has an id. The plan holds them and hands them out with the id once it is settled.
describe('ImportPlan with a batch still being written', () => {
  it('adds a later row of a claim in flight to that claim once its batch is settled', () => {
    const plan = new ImportPlan();
    expect(plan.add(row(2, 'a', 'Claim A'))).toBeNull();
    expect(plan.add(row(3, 'b', 'Claim B'))).toBeNull();
    const first = plan.take();
    expect(first.claims.map((c) => c.key)).toEqual(['a', 'b']);
    // Read while the first batch is written.
    expect(plan.add(row(4, 'c', 'Claim C'))).toBeNull();
    expect(plan.add(row(5, 'a', 'Claim A', 'Monitor B'))).toBeNull();
    plan.settle(first.claims[0], 'id-of-a');
    plan.settle(first.claims[1], 'id-of-b');
    const second = plan.take();
    expect(second.claims.map((c) => c.key)).toEqual(['c']);
    expect(second.late).toHaveLength(1);
    expect(second.late[0]).toMatchObject({ key: 'a', attachTo: 'id-of-a' });
    expect(second.late[0].rows.map((r) => r.line)).toEqual([5]);
    expect(plan.claims).toBe(3);
  });

  it('drops the later rows of a claim in flight that turned out to be recorded already', () => {
    const plan = new ImportPlan();
    plan.add(row(2, 'a', 'Claim A'));
    const first = plan.take();
    plan.add(row(3, 'a', 'Claim A', 'Monitor B'));
    plan.settle(first.claims[0], null);
    expect(plan.take()).toEqual({ claims: [], late: [] });
  });

  it('refuses a later row of a claim in flight that says something else about the claim', () => {
    const plan = new ImportPlan();
    plan.add(row(2, 'a', 'Claim A'));
    plan.take();
    expect(plan.add(row(3, 'a', 'Claim A, told otherwise'))).toEqual({ line: 3, field: '', message: expect.stringContaining('differ from line 2, another row of claim a') });
  });

  it('will not hand out late rows of a claim whose batch is not settled', () => {
    const plan = new ImportPlan();
    plan.add(row(2, 'a', 'Claim A'));
    plan.take();
    plan.add(row(3, 'a', 'Claim A', 'Monitor B'));
    expect(() => plan.take()).toThrow('before its earlier batch was settled');
  });
});
