import { ConsoleLogger, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/data-source-options';
import { SourceKind } from '../src/sources/source-kind';
import { Source } from '../src/sources/source.entity';
import { TestApp, errorOf, expectData, startTestApp } from './support/app';
import { createTestDatabase, onPostgres } from './support/database';
import { createClaim } from './factories/operations';

const SECRET = 'Colonel Example, deputy commander of the eastern sector';

/** The confidential note on an anonymous source reaches editors and admins, and no one else, by any path. */
describe('confidential notes', () => {
  let t: TestApp;
  let sourceId: string;
  let editor: Record<string, string>;
  let reporter: Record<string, string>;
  let researcher: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    editor = (await t.userWithRole('EDITOR')).as;
    reporter = (await t.userWithRole('REPORTER')).as;
    researcher = (await t.userWithRole('RESEARCHER')).as;
  });
  afterAll(() => t.close());

  it('can be written by the reporter who knows the source, but not read back by them', async () => {
    const output: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        output.push(String(chunk));
        return write(chunk as never, ...(rest as []));
      }) as never;
      return () => (stream.write = write as never);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    try {
      const created = expectData(
        await t.gql(`mutation($note: String) { createSource(input: { kind: ANONYMOUS, name: "a senior military official", confidentialNote: $note }) { id confidentialNote } }`, { note: SECRET }, reporter),
      ).createSource;
      sourceId = created.id;
      expect(created.confidentialNote).toBeNull();
    } finally {
      restore.forEach((undo) => undo());
    }
    // Nothing the server printed while handling it carries the note.
    expect(output.join('')).not.toContain(SECRET);
  });

  it('is readable by editors and admins only', async () => {
    const query = `query($id: ID!) { source(id: $id) { confidentialNote } }`;
    expect(expectData(await t.gql(query, { id: sourceId }, editor)).source.confidentialNote).toBe(SECRET);
    expect(expectData(await t.gql(query, { id: sourceId })).source.confidentialNote).toBe(SECRET);
    expect(expectData(await t.gql(query, { id: sourceId }, reporter)).source.confidentialNote).toBeNull();
    expect(expectData(await t.gql(query, { id: sourceId }, researcher)).source.confidentialNote).toBeNull();
  });

  it('stays hidden when the source is reached through a claim or a list', async () => {
    const claim = await createClaim(t);
    expectData(await t.gql(`mutation($c: ID!, $s: ID!) { addAttribution(input: { claimId: $c, sourceId: $s }) { id } }`, { c: claim.id, s: sourceId }));
    const viaClaim = expectData(await t.gql(`query($id: ID!) { claim(id: $id) { attributions { source { confidentialNote } } } }`, { id: claim.id }, researcher)).claim;
    expect(JSON.stringify(viaClaim)).not.toContain('Colonel');
    const list = expectData(await t.gql(`{ sources(first: 100) { nodes { confidentialNote } } }`, {}, reporter)).sources;
    expect(JSON.stringify(list)).not.toContain('Colonel');
  });

  it('appears in history only for editors and admins, who alone may read history', async () => {
    const history = `query($id: ID!) { history(entityType: SOURCE, id: $id) { nodes { changes { field after } } } }`;
    const seen = expectData(await t.gql(history, { id: sourceId }, editor)).history.nodes[0].changes;
    expect(seen).toContainEqual({ field: 'confidentialNote', after: JSON.stringify(SECRET) });
    expect(errorOf(await t.gql(history, { id: sourceId }, reporter)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(history, { id: sourceId }, researcher)).code).toBe('FORBIDDEN');
  });

  it('belongs only on anonymous sources', async () => {
    const error = errorOf(await t.gql(`mutation { createSource(input: { kind: NGO, name: "Named NGO", confidentialNote: "x" }) { id } }`));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'confidentialNote', message: 'only an anonymous source can carry a confidential note' }] });
  });
});

describe('deletion is a state', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('hides a deleted claim from every query, shows it to editors who ask, and restores it', async () => {
    const claim = await createClaim(t, { statement: 'To be deleted.' });
    const reporter = await t.userWithRole('REPORTER');
    const DELETE = `mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt deletedBy version } }`;
    expect(errorOf(await t.gql(DELETE, { id: claim.id }, reporter.as)).code).toBe('FORBIDDEN');
    const state = expectData(await t.gql(DELETE, { id: claim.id })).deleteRecord;
    expect(state.deletedAt).not.toBeNull();

    const list = async (filter: Record<string, unknown>, as?: Record<string, string>) =>
      t.gql(`query($f: ClaimFilterInput) { claims(first: 100, filter: $f) { nodes { id deletedAt } } }`, { f: filter }, as);
    expect(expectData(await list({})).claims.nodes.map((n: any) => n.id)).not.toContain(claim.id);
    expect(errorOf(await t.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id })).code).toBe('NOT_FOUND');
    expect(expectData(await list({ deleted: 'ONLY' })).claims.nodes.map((n: any) => n.id)).toEqual([claim.id]);
    expect(errorOf(await list({ deleted: 'INCLUDE' }, reporter.as)).code).toBe('FORBIDDEN');

    const restored = expectData(await t.gql(`mutation($id: ID!) { restoreRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: claim.id })).restoreRecord;
    expect(restored.deletedAt).toBeNull();
    expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { statement } }`, { id: claim.id })).claim.statement).toBe('To be deleted.');
  });

  it('lets a reporter delete their own unverified claim, and drops it from discrepancies', async () => {
    const reporter = await t.userWithRole('REPORTER');
    const mine = expectData(await t.gql(`mutation { createClaim(input: { statement: "About 300.", quantities: [{ variable: "held", value: 300, approximate: true }] }) { id } }`, {}, reporter.as)).createClaim;
    const other = await createClaim(t, { quantities: [{ variable: 'held', lower: 1000 }] });
    expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { hasDiscrepancy } }`, { id: other.id })).claim.hasDiscrepancy).toBe(true);
    expectData(await t.gql(`mutation($id: ID!) { deleteRecord(input: { type: CLAIM, id: $id }) { deletedAt } }`, { id: mine.id }, reporter.as));
    expect(expectData(await t.gql(`query($id: ID!) { claim(id: $id) { hasDiscrepancy } }`, { id: other.id })).claim.hasDiscrepancy).toBe(false);
  });
});

describe('a confidential note in a failed write', () => {
  const NOTE = 'Major Example, signals officer, met in Hasakah';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Every log level on, so that nothing the server would print in production is hidden from the search below.
    t.app.useLogger(new ConsoleLogger({ logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] }));
    // Failures the database raises itself: a trigger refusing some notes, and a unique index on the note.
    if (onPostgres) {
      await t.db.query(`CREATE FUNCTION refuse_note() RETURNS trigger AS $$ BEGIN
        IF NEW.confidential_note LIKE '%refuse%' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await t.db.query(`CREATE TRIGGER refuse_note BEFORE INSERT OR UPDATE ON source FOR EACH ROW EXECUTE FUNCTION refuse_note()`);
    } else {
      for (const event of ['INSERT', 'UPDATE']) {
        await t.db.query(`CREATE TRIGGER refuse_note_${event} BEFORE ${event} ON source WHEN NEW.confidential_note LIKE '%refuse%'
          BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`);
      }
    }
    await t.db.query('CREATE UNIQUE INDEX test_one_source_per_note ON source (confidential_note)');
  });
  afterAll(async () => {
    Logger.overrideLogger(['error']);
    await t.close();
  });

  /** Everything written to stdout and stderr, through any logger or console call, while `run` runs. */
  async function captured(run: () => Promise<void>): Promise<string> {
    const output: string[] = [];
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write);
    streams.forEach((stream, i) => {
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        output.push(String(chunk));
        return writes[i].call(stream, chunk as never, ...(rest as []));
      }) as never;
    });
    try {
      await run();
    } finally {
      streams.forEach((stream, i) => (stream.write = writes[i]));
    }
    return output.join('');
  }

  const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`;
  const anonymous = (note: string, name = 'a signals officer') => ({ input: { kind: 'ANONYMOUS', name, confidentialNote: note } });

  it('reaches neither the client nor any log, however the write fails', async () => {
    const editor = (await t.userWithRole('EDITOR')).as;
    const kept = expectData(await t.gql(CREATE, anonymous(`${NOTE} (kept)`), editor)).createSource;
    const responses: unknown[] = [];
    const output = await captured(async () => {
      // The database refuses the insert (a trigger): INTERNAL, with the note among the SQL parameters.
      responses.push(await t.gql(CREATE, anonymous(`${NOTE} (refuse insert)`), editor));
      // A unique violation, whose PostgreSQL detail quotes the duplicate value.
      responses.push(await t.gql(CREATE, anonymous(`${NOTE} (kept)`), editor));
      // The database refuses an update.
      responses.push(await t.gql(`mutation($input: UpdateSourceInput!) { updateSource(input: $input) { id } }`, { input: { id: kept.id, confidentialNote: `${NOTE} (refuse update)` } }, editor));
      // logClaim creating the source inside a larger transaction.
      responses.push(
        await t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { id } }`, {
          input: { statement: 'Logged with a refused note.', article: { url: 'https://notes.example.org/a' }, attributions: [{ source: { name: 'an officer', kind: 'ANONYMOUS', confidentialNote: `${NOTE} (refuse log)` } }] },
        }, editor),
      );
      // A NUL byte in the name, which PostgreSQL cannot store.
      responses.push(await t.gql(CREATE, anonymous(`${NOTE} (nul)`, 'a signals\u0000officer'), editor));
    });
    // SQLite stores a NUL byte; every other write fails on both databases.
    for (const response of onPostgres ? responses : responses.slice(0, 4)) expect((response as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(responses)).not.toContain('Major Example');
    // The failures were logged (so the search below searched something), without the note.
    expect(output).toContain('refused by the test trigger');
    expect(output).not.toContain('Major Example');
    expect(output).not.toContain('Hasakah');
  });

  it('is not printed by the SQL logging the CLI turns on with TYPEORM_LOGGING=true', async () => {
    const db = await createTestDatabase();
    const cli = new DataSource(dataSourceOptions({ ...db.env, TYPEORM_LOGGING: 'true' }));
    try {
      const output = await captured(async () => {
        await cli.initialize();
        await cli.runMigrations();
        const sources = cli.getRepository(Source);
        await sources.insert(sources.create({ kind: SourceKind.ANONYMOUS, name: 'a signals officer', nameKey: 'a signals officer', confidentialNote: `${NOTE} (cli)` }));
        const failing = sources.create({ kind: SourceKind.ANONYMOUS, name: null as never, nameKey: 'x', confidentialNote: `${NOTE} (cli fails)` });
        await expect(sources.insert(failing)).rejects.toThrow();
      });
      expect(output).toContain('INSERT INTO');
      expect(output).not.toContain('Major Example');
    } finally {
      if (cli.isInitialized) await cli.destroy();
      await db.drop();
    }
  });
});
