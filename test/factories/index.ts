import { randomBytes } from 'node:crypto';

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
