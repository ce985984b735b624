import { AuditEvent } from '../../src/audit/audit-event.entity';
import { figureSpanRows } from '../../src/claims/analysis/new-figures';
import { spanKeys, storedRange } from '../../src/claims/analysis/figure-spans';
import { SYSTEM_ACTOR } from '../../src/core/actor';
import { bulkInserterFor } from '../../src/database/bulk-insert';
import { ImportService } from '../../src/imports/import.service';
import { TestServices, startServices } from '../support/services';

/**
 * An import's write path sends PostgreSQL compact forms of its rows: strings that array text would escape joined by a
 * separator (insert-statement.ts arrayParameter), and figure_span rows as one entry per figure expanded in SQL
 * (new-figures.ts figureSpanInsertUnnest). What is stored must be the rows the old rule builds in Node, on both databases.
 */
describe('the import write path stores what the row-by-row rule gives (services)', () => {
  let s: TestServices;
  beforeAll(async () => (s = await startServices()));
  afterAll(() => s.close());

  it('stores texts that need escaping, or hold the separator, and instants unchanged', async () => {
    const texts = ['with "quotes"', 'back\\slash', '{brace, comma}', 'NULL', 'ünïcode ☃', 'line\nbreak', 'tab\there', 'record\u001eseparator', ' spaced '];
    const events = Array.from({ length: 30 }, (_, i) =>
      Object.assign(new AuditEvent(), {
        actorId: null,
        // Instants before 1970, with milliseconds, and far ahead: written as ISO text on PostgreSQL.
        at: new Date(Date.UTC(1969 + i * 4, i % 12, 1 + i, i % 24, i, i, i * 7)),
        // Quotes in every name, and in one of them the separator itself: the column falls back to array text.
        actorName: `"${texts[i % texts.length]}"`,
        action: 'CREATE',
        entityType: 'TEST',
        entityId: `e-${i}`,
        changes: [{ field: texts[i % texts.length], before: null, after: { nested: texts[(i + 1) % texts.length], n: i } }],
      }),
    );
    await s.db.transaction((manager) => bulkInserterFor(s.db.options.type).insert(manager, [{ target: AuditEvent, rows: events }]));
    const stored = await s.db.getRepository(AuditEvent).find({ where: { entityType: 'TEST' } });
    const byId = new Map(stored.map((e) => [e.id, e]));
    expect(stored).toHaveLength(events.length);
    for (const e of events) {
      expect(byId.get(e.id)).toMatchObject({ actorName: e.actorName, entityId: e.entityId, changes: e.changes });
      expect(byId.get(e.id)?.at.toISOString()).toBe(e.at.toISOString());
    }
  });

  it('files every imported figure under the rows figure-spans.ts gives, flagged as its claim', async () => {
    const windows = [
      {},
      { event_start: '2019-02-18T00:00:00.000Z', event_end: '2019-02-18T00:00:00.000Z', event_precision: 'DAY' },
      { event_start: '2019-02-18T00:00:00.000Z', event_end: '2019-03-04T00:00:00.000Z', event_precision: 'DAY' },
      { event_start: '2011-01-01T00:00:00.000Z', event_end: '2016-12-31T00:00:00.000Z', event_precision: 'YEAR' },
    ];
    const lines = Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        claim_id: `span-${i}`,
        statement: `Claim ${i}: about ${i * 7} displaced`,
        ...windows[i % windows.length],
        quantities_json: [
          { variable: 'displaced', value: i % 5 === 0 ? null : i * 7, lower: i % 5 === 0 ? i : null, upper: null, lower_inclusive: true, upper_inclusive: true, approximate: i % 3 === 0 },
          ...(i % 2 ? [{ variable: 'killed', value: i, approximate: false }] : []),
        ],
        source_name: `Monitor ${i % 4}`,
      }),
    );
    const report = await s.get(ImportService).run(lines.join('\n'), { format: 'jsonl', actor: SYSTEM_ACTOR });
    expect(report.claimsCreated).toBe(60);

    const quantities: Array<Record<string, any>> = await s.db.query(
      `SELECT q.id, q.claim_id, q.variable, q.value, q.lower, q.upper, q.lower_inclusive, q.upper_inclusive, q.approximate, c.event_time_start, c.event_time_end, c.has_discrepancy
       FROM claim_quantity q JOIN claim c ON c.id = q.claim_id`,
    );
    expect(quantities.length).toBe(90);
    const date = (v: unknown) => (v === null ? null : new Date(typeof v === 'string' && !v.endsWith('Z') && !v.includes('+') ? `${v.replace(' ', 'T')}Z` : (v as string)));
    const bool = (v: unknown) => v === true || v === 1;
    const num = (v: unknown) => (v === null ? null : Number(v));
    const expected = figureSpanRows(
      quantities.map((q) => {
        const start = date(q.event_time_start);
        return {
          claimId: q.claim_id,
          quantityId: q.id,
          variable: q.variable,
          range: storedRange({ value: num(q.value), lower: num(q.lower), upper: num(q.upper), lowerInclusive: bool(q.lower_inclusive), upperInclusive: bool(q.upper_inclusive), approximate: bool(q.approximate) }),
          keys: spanKeys(start ? { start, end: date(q.event_time_end) } : null),
          flagged: bool(q.has_discrepancy),
        };
      }),
    );
    const stored: Array<Record<string, any>> = await s.db.query(`SELECT claim_id, quantity_id, kind, node, variable, low, low_inclusive, high, high_inclusive, flagged FROM figure_span`);
    const key = (r: { claimId: string; quantityId: string; kind: string; node: number; variable: string; low: number | null; lowInclusive: boolean; high: number | null; highInclusive: boolean; flagged: boolean }) =>
      JSON.stringify([r.claimId, r.quantityId, r.kind, Number(r.node), r.variable, r.low, r.lowInclusive, r.high, r.highInclusive, r.flagged]);
    const got = stored.map((r) =>
      key({ claimId: r.claim_id, quantityId: r.quantity_id, kind: r.kind, node: r.node, variable: r.variable, low: num(r.low), lowInclusive: bool(r.low_inclusive), high: num(r.high), highInclusive: bool(r.high_inclusive), flagged: bool(r.flagged) }),
    );
    expect(got.sort()).toEqual(expected.map(key).sort());
    // Timeless figures, instants, fortnights and years are all among them.
    expect(new Set(expected.map((r) => r.kind))).toEqual(new Set(['A', 'T', 'C', 'S']));
  });
});
