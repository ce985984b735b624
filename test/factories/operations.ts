import { TestApp, expectData } from '../support/app';
import { articleInput, claimInput, logClaimInput, sourceInput } from './index';

/** GraphQL documents and helpers shared by the end-to-end suites. */
export const CLAIM_FIELDS = `
  id statement hedge tags status version
  place { name adminArea country precision }
  eventTime { start end precision }
  quantities { variable value lower lowerInclusive upper upperInclusive approximate qualifier unit currency }
  attributions {
    id stance cue mode anonymityReason relationship conditions credibility
    source { id name kind anonymous aliases }
    chain { position cue source { id name } }
    citations { id quote startOffset endOffset article { id canonicalUrl publishedAt } }
  }`;

export async function createSource(t: TestApp, overrides: Record<string, unknown> = {}) {
  const data = expectData(
    await t.gql(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id name kind aliases version } }`, {
      input: sourceInput(overrides),
    }),
  );
  return data.createSource as { id: string; name: string; kind: string; aliases: string[]; version: number };
}

export async function createArticle(t: TestApp, overrides: Record<string, unknown> = {}) {
  const data = expectData(
    await t.gql(`mutation($input: CreateArticleInput!) { createArticle(input: $input) { id url canonicalUrl version } }`, {
      input: articleInput(overrides),
    }),
  );
  return data.createArticle as { id: string; url: string; canonicalUrl: string; version: number };
}

export async function createClaim(t: TestApp, overrides: Record<string, unknown> = {}) {
  const data = expectData(
    await t.gql(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { ${CLAIM_FIELDS} } }`, { input: claimInput(overrides) }),
  );
  return data.createClaim;
}

export function logClaim(t: TestApp, overrides: Record<string, unknown> = {}) {
  return t.gql(`mutation($input: LogClaimInput!) { logClaim(input: $input) { ${CLAIM_FIELDS} } }`, { input: logClaimInput(overrides) });
}

export async function countRows(t: TestApp): Promise<Record<string, number>> {
  const { DataSource } = await import('typeorm');
  const ds = t.app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of ['claim', 'claim_quantity', 'source', 'source_alias', 'article', 'attribution', 'relay_hop', 'citation']) {
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(n);
  }
  return counts;
}
