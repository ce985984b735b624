import { Client } from 'pg';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { onPostgres } from './support/database';

const LOG = `mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`;
const MERGE = `mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { id } }`;

function input(tag: string, monitor: string, attachTo?: string) {
  return {
    statement: `A drone strike on a convoy near Wadi Sarun killed 6 fighters (${tag}).`,
    place: { name: 'Wadi Sarun' },
    eventTime: { start: '2019-04-11T00:00:00Z', precision: 'DAY' },
    article: { url: `https://race.example.org/${tag}` },
    attributions: [{ source: { name: monitor, kind: 'MONITORING_GROUP' }, cue: 'said' }],
    ...(attachTo ? { attachTo } : {}),
  };
}

/**
 * attachTo against a concurrent delete or merge of its target (issue 16): the attach must not add
 * attributions to a claim that is no longer live when it commits.
 */
describe('attachTo against a concurrent delete or merge', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const liveAttributions = async (claimId: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM attribution WHERE claim_id = ${onPostgres ? '$1' : '?'} AND deleted_at IS NULL`, [claimId]))[0].n);

  /**
   * Deletes the claim in a transaction left open while `during` runs (PostgreSQL: another
   * connection, holding the row), then commits. SQLite runs write transactions one at a time, so
   * there the delete simply commits first.
   */
  async function deleteAround<T>(claimId: string, during: () => Promise<T>): Promise<T> {
    if (!onPostgres) {
      expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { id } }`, { id: claimId }));
      return during();
    }
    const client = new Client({ connectionString: (t.db.options as { url: string }).url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE claim SET deleted_at = now(), version = version + 1 WHERE id = $1`, [claimId]);
      const pending = during();
      // Long enough for the attach to reach the claim's row and wait on it.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await client.query('COMMIT');
      return await pending;
    } finally {
      await client.end();
    }
  }

  it('an attach to a claim deleted while it waits is refused on attachTo, and adds nothing', async () => {
    const target = expectData(await t.gql(LOG, { input: input('target', 'Race Monitor') })).logClaim;
    const refused = errorOf(await deleteAround(target.id, () => t.gql(LOG, { input: input('reprint', 'Race Monitor Two', target.id) })));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'attachTo' })] });
    expect(await liveAttributions(target.id)).toBe(1);
    // Nothing else was written either: no article for the reprint.
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM article WHERE url LIKE '%/reprint'`))[0].n)).toBe(0);
  });

  it('an attach racing a merge of its target either lands on the survivor or is refused: nothing stays on the merged claim', async () => {
    for (let round = 0; round < 6; round++) {
      const survivor = expectData(await t.gql(LOG, { input: input(`s${round}`, 'Race Survivor Monitor') })).logClaim;
      const duplicate = expectData(await t.gql(LOG, { input: input(`d${round}`, 'Race Duplicate Monitor') })).logClaim;
      const [merged, attached] = await Promise.all([
        t.gql(MERGE, { input: { survivorId: survivor.id, duplicateId: duplicate.id } }),
        t.gql(LOG, { input: input(`a${round}`, `Race Attach Monitor ${round}`, duplicate.id) }),
      ]);
      expectData(merged);
      if (attached.errors) expect(errorOf(attached)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'attachTo' })] });
      expect(await liveAttributions(duplicate.id)).toBe(0);
      expect(await liveAttributions(survivor.id)).toBe(attached.errors ? 2 : 3);
    }
  });
});
