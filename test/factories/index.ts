import { randomBytes } from 'node:crypto';
import { DECLARED_ENTRIES } from '../../src/claims/declared-columns';
import { REFERENCE_ENTRIES, idPropertyOf } from '../../src/claims/declared-references';

/** Small builders for test inputs; each call gives unique names and URLs so tests never collide. */
const tag = () => randomBytes(3).toString('hex');

export function sourceInput(overrides: Record<string, unknown> = {}) {
  return { kind: 'MONITORING_GROUP', name: `Riverside Monitor ${tag()}`, basedIn: 'Britain', ...overrides };
}

export function articleInput(overrides: Record<string, unknown> = {}) {
  return {
    url: `https://wire.example.org/story/${tag()}`,
    headline: 'Holdouts in river town reject surrender terms',
    publisher: 'Example Wire',
    publishedAt: '2019-02-18T12:00:00.000Z',
    language: 'en',
    ...overrides,
  };
}

export function claimInput(overrides: Record<string, unknown> = {}) {
  return {
    statement: `More than 200 fighters remain in the old quarter (${tag()}).`,
    tags: ['siege'],
    quantities: [{ variable: 'fighters_remaining', lower: 200, lowerInclusive: false, qualifier: 'more than', unit: 'fighters' }],
    ...overrides,
  };
}

/** A logClaim input: one named monitor and one anonymous official relayed by a TV network. */
export function logClaimInput(overrides: Record<string, unknown> = {}) {
  return {
    ...claimInput(),
    article: articleInput(),
    attributions: [
      { source: { name: `Riverside Monitor ${tag()}`, kind: 'MONITORING_GROUP' }, cue: 'said' },
      {
        source: { name: 'a senior security official', kind: 'ANONYMOUS' },
        via: [{ source: { name: `Channel Nine ${tag()}`, kind: 'MEDIA_OUTLET' }, cue: 'quoting' }],
        cue: 'reported',
        anonymityReason: 'not authorized to brief reporters',
      },
    ],
    ...overrides,
  };
}

/**
 * A value for every typed-in column declared in src/claims/declared-columns.ts, from its kind (text: `text`, cut to
 * the column's limit, on one line for a `oneLine` column): seeds spread it into their claims, so no declared column is empty everywhere.
 */
export function declaredSamples(text = 'may have'): Record<string, string | number | boolean> {
  return Object.fromEntries(
    DECLARED_ENTRIES.map(([name, column]) => [name, column.kind === 'text' ? oneLineIf(column.oneLine, text).slice(0, column.max) : column.kind === 'integer' ? 7 : true]),
  );
}

/** A one-line column's sample keeps the text's other awkward characters (tabs, quotes, backslashes), not its line breaks. */
function oneLineIf(oneLine: boolean | undefined, text: string): string {
  return oneLine ? text.replace(/[\r\n\u2028\u2029]+/g, ' ') : text;
}

/**
 * Every reference declared in src/claims/declared-references.ts set to `userId` (the one target so far is a user, and
 * the seeds' reporters are accepted): spread into a claim logged by an editor, so no reference is empty everywhere.
 */
export function declaredReferenceSamples(userId: string): Record<string, string> {
  return Object.fromEntries(REFERENCE_ENTRIES.map(([name]) => [idPropertyOf(name), userId]));
}
