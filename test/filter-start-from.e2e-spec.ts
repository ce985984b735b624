import { DataSource } from 'typeorm';
import { applyClaimFilter, resolveClaimFilter } from '../src/claims/claim-filter';
import { Claim } from '../src/claims/claim.entity';
import { ClaimFilterInput } from '../src/claims/dto/claim-filter.input';
import { idSetSqlFor } from '../src/database/id-set-sql';
import { textSearchFor } from '../src/database/text-search';
import { TestApp, expectData, startTestApp } from './support/app';
import { logClaim } from './factories/operations';

/**
 * A small publication window or a rare word is where a page of claims starts (resolveClaimFilter's
 * startFrom): the claims list then reads the set's ids first. Both ways of writing the filter must keep
 * the same claims; here each filter is run both ways over the same rows, and against the rule itself.
 */
describe('filters that start from a small set', () => {
  let t: TestApp;
  let db: DataSource;
  const claims: Array<{ id: string; statement: string; published: string[] }> = [];

  const STATEMENTS = [
    'Fighters shelled the ridge near Kafr Nabl',
    'the FIREFIGHTERS reached the depot at 100% capacity',
    'Convoy_7 crossed at dawn, officials said',
    'A ceasefire "held" overnight in the old quarter',
    'Ärzte reported 40 wounded at the clinic',
    'Residents fled the ridge as fighters advanced',
    'No convoy crossed; the road stays shut',
    'Shelling resumed at dusk near the depot',
  ];
  const DAYS = ['2021-03-01T08:00:00.000Z', '2021-03-02T08:00:00.000Z', '2021-03-03T08:00:00.000Z'];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (const [i, statement] of STATEMENTS.entries()) {
      const publishedAt = DAYS[i % DAYS.length];
      const logged = expectData(await logClaim(t, { statement, article: { url: `https://desk.example.org/s/${i}-${Date.now()}`, headline: 'Update', publisher: 'Desk Wire', publishedAt } })).logClaim;
      claims.push({ id: logged.id, statement, published: [publishedAt] });
    }
    // The last claim's attributions are all deleted: its citations no longer put it in any window.
    const last = claims[claims.length - 1];
    const attributions = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { id } } }`, { id: last.id })).claim.attributions;
    for (const a of attributions) expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: ATTRIBUTION, id: $id }) { deletedAt } }`, { id: a.id }));
    last.published = [];
  });
  afterAll(() => t.close());

  const textSearch = () => textSearchFor(db.options.type);
  async function idsBothWays(filter: ClaimFilterInput): Promise<{ started: string[]; walked: string[]; resolved: boolean[] }> {
    const run = async (startFrom: { published: boolean; search: boolean }) => {
      const qb = applyClaimFilter(db.manager.createQueryBuilder(Claim, 'c'), filter, textSearch(), { startFrom }, idSetSqlFor(db.options.type));
      return (await qb.select('c.id', 'id').orderBy('c.id', 'DESC').getRawMany<{ id: string }>()).map((r) => r.id);
    };
    const resolved = await resolveClaimFilter(db.manager, filter, textSearch());
    return {
      started: await run({ published: true, search: true }),
      walked: await run({ published: false, search: false }),
      resolved: [resolved.startFrom?.published ?? false, resolved.startFrom?.search ?? false],
    };
  }
  const newestFirst = (list: typeof claims) => list.map((c) => c.id).sort().reverse();
  /** The rule: every word is in the statement, letters compared without ASCII case. */
  const holdsEvery = (statement: string, search: string) =>
    search.split(/\s+/).filter(Boolean).every((w) => statement.replace(/[A-Z]/g, (ch) => ch.toLowerCase()).includes(w.replace(/[A-Z]/g, (ch) => ch.toLowerCase())));
  const listed = async (filter: Record<string, unknown>) =>
    expectData(await t.gql(`query($f: ClaimFilterInput) { claims(first: 50, filter: $f) { nodes { id } } }`, { f: filter })).claims.nodes.map((n: { id: string }) => n.id);

  it.each(['fighters', 'FIGHTERS ridge', '100%', 'convoy_7', '"held"', 'depot at', 'crossed; the', 'ceasefire nowhere', 'road shut'])(
    'text search %j keeps the same claims either way, those holding every word',
    async (search) => {
      const ours = claims.filter((c) => holdsEvery(c.statement, search));
      const { started, walked, resolved } = await idsBothWays({ search });
      expect(started).toEqual(newestFirst(ours));
      expect(walked).toEqual(started);
      expect(resolved).toEqual([false, db.options.type !== 'postgres']); // PostgreSQL's planner judges a word itself
      expect((await listed({ search })).filter((id: string) => claims.some((c) => c.id === id))).toEqual(newestFirst(ours));
    },
  );

  it('finds a word only through its own condition when it is shorter than the index reads', async () => {
    const { started, walked, resolved } = await idsBothWays({ search: 'at' });
    expect(resolved).toEqual([false, false]);
    expect(started).toEqual(walked);
    expect(started.filter((id) => claims.some((c) => c.id === id))).toEqual(newestFirst(claims.filter((c) => holdsEvery(c.statement, 'at'))));
  });

  it('a letter beyond ASCII: both ways agree', async () => {
    const { started, walked } = await idsBothWays({ search: 'Ärzte' });
    expect(started).toEqual(walked);
    expect(started).toContain(claims[4].id);
  });

  it.each<[ClaimFilterInput]>([
    [{ publishedFrom: new Date('2021-03-02T00:00:00Z') }],
    [{ publishedFrom: new Date('2021-03-02T00:00:00Z'), publishedTo: new Date('2021-03-02T23:59:59Z') }],
    [{ publishedTo: new Date('2021-03-01T08:00:00Z') }],
    [{ publishedFrom: new Date('2021-03-01T08:00:00.001Z'), publishedTo: new Date('2021-03-02T07:59:59.999Z') }],
  ])('publication window %j keeps the same claims either way: those cited on a live attribution in it', async (filter) => {
    const from = filter.publishedFrom?.getTime() ?? -Infinity;
    const to = filter.publishedTo?.getTime() ?? Infinity;
    const ours = claims.filter((c) => c.published.some((p) => Date.parse(p) >= from && Date.parse(p) <= to));
    const { started, walked, resolved } = await idsBothWays(filter);
    expect(started.filter((id) => claims.some((c) => c.id === id))).toEqual(newestFirst(ours));
    expect(walked).toEqual(started);
    expect(resolved[0]).toBe(true);
  });

  it('combined with other filters, and the article filter, both ways agree', async () => {
    const article = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { citations { article { id } } } } }`, { id: claims[0].id })).claim.attributions[0].citations[0].article.id;
    for (const filter of [
      { articleId: article },
      { articleId: article, search: 'ridge' },
      { search: 'ridge', publishedFrom: new Date('2021-03-01T00:00:00Z'), anonymity: 'ANONYMOUS_ONLY' },
      { search: 'depot', publishedTo: new Date('2021-03-02T12:00:00Z'), tag: 'siege' },
    ] as ClaimFilterInput[]) {
      const { started, walked } = await idsBothWays(filter);
      expect(walked).toEqual(started);
    }
    expect(await listed({ articleId: article })).toEqual([claims[0].id]);
    expect(await listed({ articleId: article, search: 'ridge' })).toEqual([claims[0].id]);
    expect(await listed({ articleId: article, search: 'convoy' })).toEqual([]);
  });

  it('finds a claim by its edited statement, and no longer by the words it lost', async () => {
    const edited = claims[6];
    const { version } = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { version } }`, { id: edited.id })).claim;
    expectData(
      await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, {
        input: { id: edited.id, version, statement: 'The quarry road reopened at noon' },
      }),
    );
    expect(await listed({ search: 'quarry' })).toEqual([edited.id]);
    expect(await listed({ search: 'stays shut' })).toEqual([]);
  });
});
