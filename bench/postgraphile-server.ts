import './postgraphile-dedupe';
import { createServer } from 'node:http';
import { Client, Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { POSTGRES_SESSION_OPTIONS } from '../src/database/postgres-session';
import { attributionLineSql, bySourceAnonymousOnly, conflictsWithIdsSql } from './sql';

/**
 * PostGraphile 4 in library mode, with the settings its docs recommend for production
 * (no GraphiQL, no watch, no query log, no stack traces), read-only (default mutations off),
 * simple list collections beside connections, and JSON columns as JSON.
 *
 * Workload b needs a filter across relations, which stock PostGraphile cannot express (that
 * needs postgraphile-plugin-connection-filter, not installed). The idiomatic way is a custom
 * query: a STABLE SQL function in an exposed schema, with the same SQL as the floor. Functions
 * returning SETOF get no orderBy argument, so the function orders newest first itself.
 */
const SCHEMA = 'postgraphile_bench';

async function prepare(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE OR REPLACE FUNCTION ${SCHEMA}.claims_by_source_anonymous_only(key text) RETURNS SETOF public.claim
      LANGUAGE sql STABLE AS $$ ${bySourceAnonymousOnly('key', 'public.')} ORDER BY c.id DESC $$`);
    // Workload e's fields that are not columns, as computed columns (PostGraphile reads those only from the table's
    // own schema): the floor's SQL for attributionLine and the app's discrepancy SQL for conflictsWith.
    await client.query(`CREATE OR REPLACE FUNCTION public.source_anonymous(s public.source) RETURNS boolean
      LANGUAGE sql STABLE AS $$ SELECT s.kind = 'ANONYMOUS' $$`);
    await client.query(`CREATE OR REPLACE FUNCTION public.claim_attribution_line(c public.claim) RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT ${attributionLineSql('c.id')} $$`);
    await client.query(`CREATE OR REPLACE FUNCTION public.claim_conflicts_with(c public.claim) RETURNS SETOF public.claim
      LANGUAGE sql STABLE AS $$ SELECT k.* FROM public.claim k WHERE k.id IN (${conflictsWithIdsSql('c')}) ORDER BY k.id $$`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL as string;
  await prepare(url);
  // The same session settings as claimdesk's and the floor's (src/database/postgres-session.ts).
  const pool = new Pool({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
  const middleware = postgraphile(pool, ['public', SCHEMA], {
    graphqlRoute: '/graphql',
    graphiql: false,
    watchPg: false,
    disableQueryLog: true,
    showErrorStack: false,
    extendedErrors: [],
    disableDefaultMutations: true,
    dynamicJson: true,
    simpleCollections: 'both',
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    legacyRelations: 'omit',
    enableQueryBatching: false,
    retryOnInitFail: false,
  });
  const server = createServer(middleware);
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`postgraphile listening on ${process.env.PORT}`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
