import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { logClaimInput } from './factories';
import { createClaim } from './factories/operations';
import { baseUrl, postImport } from './support/http';

describe('audit history', () => {
  let t: TestApp;
  let editor: { id: string; as: Record<string, string> };
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.userWithRole('EDITOR');
  });
  afterAll(() => t.close());

  const HISTORY = `query($type: RecordType!, $id: ID!) { history(entityType: $type, id: $id) { totalCount nodes { action actorId actorName entityType changes { field before after } } } }`;

  it('records create, update and delete with the actor and the per-field difference', async () => {
    const claim = expectData(await t.gql(`mutation { createClaim(input: { statement: "Audited.", quantities: [{ variable: "x", value: 1 }] }) { id } }`, {}, editor.as)).createClaim;
    expectData(await t.gql(`mutation($id: ID!) { updateClaim(input: { id: $id, statement: "Audited, edited.", quantities: [{ variable: "x", value: 2 }] }) { id } }`, { id: claim.id }, editor.as));
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: claim.id }, editor.as));

    const history = expectData(await t.gql(HISTORY, { type: 'CLAIM', id: claim.id }, editor.as)).history;
    expect(history.nodes.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(history.nodes.every((e: any) => e.actorId === editor.id && e.entityType === 'Claim')).toBe(true);
    const update = history.nodes[1].changes;
    expect(update).toContainEqual({ field: 'statement', before: '"Audited."', after: '"Audited, edited."' });
    const quantities = update.find((c: any) => c.field === 'quantities');
    expect(JSON.parse(quantities.before)[0].value).toBe(1);
    expect(JSON.parse(quantities.after)[0].value).toBe(2);
    expect(history.nodes[2].changes.map((c: any) => c.field)).toEqual(['deletedAt', 'deletedBy']);
  });

  it('writes nothing when the change rolls back', async () => {
    const before = expectData(await t.gql(`{ auditEvents(first: 1) { totalCount } }`)).auditEvents.totalCount;
    const input = logClaimInput();
    input.attributions.push({ source: { id: '01890000-0000-7000-8000-000000000bad' } } as never);
    expect(errorOf(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input })).code).toBe('BAD_USER_INPUT');
    expect(expectData(await t.gql(`{ auditEvents(first: 1) { totalCount } }`)).auditEvents.totalCount).toBe(before);
  });

  it('records every record logClaim creates', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const claim = expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input: logClaimInput() }, reporter.as)).logClaim;
    const events = expectData(
      await t.gql(`query($actor: ID!) { auditEvents(first: 100, filter: { actorId: $actor }) { nodes { action entityType entityId } } }`, { actor: reporter.id }),
    ).auditEvents.nodes;
    const types = events.map((e: any) => e.entityType).sort();
    expect(types).toEqual(['Article', 'Attribution', 'Attribution', 'Citation', 'Citation', 'Claim', 'Source', 'Source', 'Source'].sort());
    expect(events.find((e: any) => e.entityType === 'Claim').entityId).toBe(claim.id);
  });

  it('records every record an import creates: who, when, and each field, as logClaim records them', async () => {
    const importer = await t.userWithRole('EDITOR');
    const EVENTS = `query($actor: ID!) { auditEvents(first: 100, filter: { actorId: $actor }) { nodes { at actorId actorName action entityType entityId changes { field before after } } } }`;
    const claim = {
      statement: 'More than 300 fighters remain in the old quarter.',
      tags: ['siege'],
      quantities_json: [{ variable: 'fighters_remaining', lower: 300, lower_inclusive: false, qualifier: 'more than', unit: 'fighters' }],
      place_name: 'Tell Hamra',
      place_country: 'SY',
      event_start: '2019-02-18T00:00:00.000Z',
      event_precision: 'DAY',
      article_url: 'https://audit.example.org/story/1',
      article_headline: 'The old quarter',
    };
    const file = [
      { claim_id: 'audited-1', ...claim, source_name: 'Audit Monitor', source_kind: 'MONITORING_GROUP', stance: 'ASSERTS', cue: 'said', quote: 'more than 300 fighters' },
      {
        claim_id: 'audited-1',
        ...claim,
        source_name: 'an audited official',
        source_kind: 'ANONYMOUS',
        cue: 'said',
        relay_chain: [{ source_id: null, name: 'Audit Outlet', kind: 'MEDIA_OUTLET', cue: 'quoting' }, { source_id: null, name: 'an audited official', kind: 'ANONYMOUS', cue: 'said' }],
      },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n');
    const started = Date.now();
    expect((await postImport(baseUrl(t.url), file, 'application/x-ndjson', '', importer.as)).body).toMatchObject({ claimsCreated: 1, attributionsCreated: 2 });
    const events = expectData(await t.gql(EVENTS, { actor: importer.id })).auditEvents.nodes as Array<{
      at: string;
      actorId: string;
      actorName: string;
      action: string;
      entityType: string;
      entityId: string;
      changes: Array<{ field: string; before: string | null; after: string }>;
    }>;
    expect(events.map((e) => e.entityType).sort()).toEqual(['Article', 'Attribution', 'Attribution', 'Citation', 'Citation', 'Claim', 'Source', 'Source', 'Source']);
    for (const e of events) {
      expect(e).toMatchObject({ action: 'CREATE', actorId: importer.id, actorName: 'Test EDITOR' });
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now() + 1000);
      // A creation records each field that has a value, as it is, and nothing before it.
      expect(e.changes.every((c) => c.before === null && c.after !== 'null')).toBe(true);
      expect(e.changes.map((c) => c.field)).toEqual(e.changes.map((c) => c.field).sort());
    }
    const after = (type: string, field: string, entity?: string) =>
      JSON.parse(events.find((e) => e.entityType === type && (!entity || e.entityId === entity))?.changes.find((c) => c.field === field)?.after ?? 'null');
    const claimEvent = events.find((e) => e.entityType === 'Claim')!;
    expect(after('Claim', 'statement')).toBe(claim.statement);
    expect(after('Claim', 'externalId')).toBe('audited-1');
    expect(after('Claim', 'createdBy')).toBe(importer.id);
    expect(after('Claim', 'place.name')).toBe('Tell Hamra');
    expect(after('Claim', 'eventTime.start')).toBe('2019-02-18T00:00:00.000Z');
    expect(after('Claim', 'quantities')).toEqual([expect.objectContaining({ variable: 'fighters_remaining', lower: 300, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' })]);
    // The derived values are not audited: they follow from the records.
    expect(claimEvent.changes.map((c) => c.field)).not.toContain('sourcing');
    expect(claimEvent.changes.map((c) => c.field)).not.toContain('hasDiscrepancy');
    const sourceId = (name: string) => events.find((e) => e.entityType === 'Source' && after('Source', 'name', e.entityId) === name)?.entityId;
    const attributions = events.filter((e) => e.entityType === 'Attribution');
    expect(attributions.map((e) => after('Attribution', 'sourceId', e.entityId)).sort()).toEqual([sourceId('Audit Monitor'), sourceId('an audited official')].sort());
    expect(attributions.every((e) => after('Attribution', 'claimId', e.entityId) === claimEvent.entityId)).toBe(true);
    const relayed = attributions.find((e) => after('Attribution', 'sourceId', e.entityId) === sourceId('an audited official'))!;
    expect(after('Attribution', 'chain', relayed.entityId)).toEqual([`${sourceId('Audit Outlet')} (quoting)`]);
    const articleId = events.find((e) => e.entityType === 'Article')!.entityId;
    expect(after('Article', 'canonicalUrl')).toBe('https://audit.example.org/story/1');
    const citations = events.filter((e) => e.entityType === 'Citation');
    expect(citations.map((e) => after('Citation', 'articleId', e.entityId))).toEqual([articleId, articleId]);
    expect(citations.map((e) => after('Citation', 'quote', e.entityId)).sort()).toEqual([null, 'more than 300 fighters'].sort());

    // The same claim logged through the API records the same fields; the import adds the claim's external id.
    const logger = await t.userWithRole('EDITOR');
    const input = logClaimInput({
      statement: claim.statement,
      tags: claim.tags,
      place: { name: 'Tell Hamra', country: 'SY' },
      eventTime: { start: claim.event_start, precision: 'DAY' },
      quantities: [{ variable: 'fighters_remaining', lower: 300, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' }],
    });
    expectData(await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, { input }, logger.as));
    const logged = expectData(await t.gql(EVENTS, { actor: logger.id })).auditEvents.nodes.find((e: { entityType: string }) => e.entityType === 'Claim');
    expect(claimEvent.changes.map((c) => c.field)).toEqual([...logged.changes.map((c: { field: string }) => c.field), 'externalId'].sort());
  });

  it('filters by type and time, pages, and is closed to reporters and researchers', async () => {
    const claim = await createClaim(t);
    const page = expectData(await t.gql(`query($from: DateTime) { auditEvents(first: 2, filter: { entityType: CLAIM, from: $from }) { totalCount nodes { entityType } pageInfo { hasNextPage } } }`, { from: '2000-01-01T00:00:00Z' })).auditEvents;
    expect(page.nodes.every((e: any) => e.entityType === 'Claim')).toBe(true);
    expect(page.totalCount).toBeGreaterThan(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const future = expectData(await t.gql(`{ auditEvents(filter: { from: "2999-01-01T00:00:00Z" }) { totalCount } }`)).auditEvents;
    expect(future.totalCount).toBe(0);
    for (const role of ['REPORTER', 'RESEARCHER'] as const) {
      const user = await t.userWithRole(role);
      expect(errorOf(await t.gql(HISTORY, { type: 'CLAIM', id: claim.id }, user.as)).code).toBe('FORBIDDEN');
    }
  });

  it('names the people behind the ids in history for editors and admins (deleted users too), and to no one else', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const claim = expectData(await t.gql(`mutation { createClaim(input: { statement: "Whose is this?" }) { id } }`, {}, reporter.as)).createClaim;
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'USER', id: reporter.id } }));
    const created = expectData(await t.gql(HISTORY, { type: 'CLAIM', id: claim.id }, editor.as)).history.nodes[0].changes.find((c: any) => c.field === 'createdBy');
    const people = expectData(await t.gql(`{ people { id name } }`, {}, editor.as)).people;
    expect(people).toContainEqual({ id: JSON.parse(created.after), name: 'Test REPORTER' });
    expect(people).toContainEqual({ id: editor.id, name: 'Test EDITOR' });
    // Only what a history line shows: asking for more is a validation error, not a leak.
    expect(errorOf(await t.gql(`{ people { id email } }`, {}, editor.as)).code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const role of ['REPORTER', 'RESEARCHER'] as const) {
      expect(errorOf(await t.gql(`{ people { id } }`, {}, (await t.userWithRole(role)).as)).code).toBe('FORBIDDEN');
    }
  });

  it('lists only the live reporters, editors and admins to assign a claim to, and such a pick is accepted', async () => {
    const gone = await t.userWithRole('REPORTER');
    expectData(await t.gql(`mutation($i: DeleteRecordInput!) { deleteRecord(input: $i) { deletedAt } }`, { i: { type: 'USER', id: gone.id } }));
    const researcher = await t.userWithRole('RESEARCHER');
    const reporter = await t.userWithRole('REPORTER');
    const ids = (list: Array<{ id: string }>) => list.map((p) => p.id);
    const every = ids(expectData(await t.gql(`{ people { id } }`, {}, editor.as)).people);
    const assignable = ids(expectData(await t.gql(`{ people(assignable: true) { id name } }`, {}, editor.as)).people);
    expect(every).toEqual(expect.arrayContaining([gone.id, researcher.id, reporter.id, editor.id]));
    expect(assignable).toEqual(expect.arrayContaining([reporter.id, editor.id]));
    expect(assignable).not.toContain(researcher.id);
    expect(assignable).not.toContain(gone.id);
    const claim = await createClaim(t);
    const assigned = expectData(
      await t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { assignedTo { id } } }`, { input: { id: claim.id, version: claim.version, assignedToId: reporter.id } }, editor.as),
    ).updateClaim;
    expect(assigned.assignedTo).toEqual({ id: reporter.id });
  });
});

describe('optimistic concurrency', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('lets exactly one of 20 concurrent updates from one base version through', async () => {
    const claim = await createClaim(t);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`, { input: { id: claim.id, version: claim.version, statement: `Edit ${i}.` } }),
      ),
    );
    const ok = responses.filter((r) => !r.errors);
    const conflicts = responses.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(conflicts.every((r) => r.errors?.[0]?.extensions?.currentVersion === 2)).toBe(true);
    const history = expectData(
      await t.gql(`query($id: ID!) { history(entityType: CLAIM, id: $id) { nodes { action } } }`, { id: claim.id }),
    ).history.nodes.map((e: any) => e.action);
    expect(history).toEqual(['CREATE', 'UPDATE']);
  });
});
