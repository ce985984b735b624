import { spanKeys } from '../src/claims/analysis/figure-spans';
import { AttributionFacts, claimSourcesOf, SourceFacts, summarizeSourcing } from '../src/claims/analysis/sourcing';
import { sourceNameKey } from '../src/sources/source-name';
import { ClaimPlans, NOUNS, VERBS } from './claim-plan';
import { DataSink, rowCount, Rows, TABLE_NAMES } from './data-sink';
import { PostgresSink } from './postgres-sink';
import { IdClock, Prng } from './prng';

export { benchVariable } from './claim-plan';

/**
 * The synthetic data set: deterministic for a seed and scale. Defaults (scale 1): 100k claims,
 * 250k attributions (about 30% with relay chains of 1-3 hops), 50k articles, 50k citations,
 * 5k sources (30% anonymous, a fifth of the named ones with aliases).
 */
export interface DataSetSize {
  claims: number;
  articles: number;
  sources: number;
}

export function sizeFor(scale: number): DataSetSize {
  return {
    claims: Math.max(200, Math.round(100_000 * scale)),
    articles: Math.max(100, Math.round(50_000 * scale)),
    sources: Math.max(120, Math.round(5_000 * scale)),
  };
}

/** The relay whose name (via its alias) workload b filters on. */
export const FILTER_SOURCE_NAME = 'CNN';

const OUTLETS: [name: string, kind: string, aliases: string[]][] = [
  ['Cable News Network', 'MEDIA_OUTLET', ['CNN']],
  ['Agence France-Presse', 'NEWS_AGENCY', ['AFP']],
  ['Reuters', 'NEWS_AGENCY', []],
  ['The Associated Press', 'NEWS_AGENCY', ['AP']],
  ['Al Jazeera', 'MEDIA_OUTLET', []],
  ['Syrian Observatory for Human Rights', 'MONITORING_GROUP', ['SOHR']],
  ['Deir Ezzor 24', 'MEDIA_OUTLET', ['DeirEzzor 24']],
  ['Syrian Arab News Agency', 'NEWS_AGENCY', ['SANA']],
  ['Anadolu Agency', 'NEWS_AGENCY', ['AA']],
  ['Rudaw', 'MEDIA_OUTLET', []],
];
const ANONYMOUS = [
  'a senior military official', 'a person familiar with the negotiations', 'a local resident', 'a security source',
  'a US official', 'a medical source', 'an activist in the area', 'a diplomat', 'a commander', 'a witness',
  'two officials', 'a source close to the talks', 'an intelligence official', 'a hospital worker', 'a spokesperson who declined to be named',
];
const NAMED_KINDS = ['ARMED_GROUP', 'MILITARY', 'GOVERNMENT', 'MONITORING_GROUP', 'ACTIVIST_COLLECTIVE', 'NGO', 'INDIVIDUAL', 'INDIVIDUAL', 'INDIVIDUAL'];
const PLACES: [string, string, string][] = [
  ['Baghouz', 'Deir ez-Zor', 'SY'], ['Raqqa', 'Raqqa', 'SY'], ['Idlib', 'Idlib', 'SY'], ['Mosul', 'Nineveh', 'IQ'], ['Aleppo', 'Aleppo', 'SY'],
  ['Kharkiv', 'Kharkiv Oblast', 'UA'], ['Bakhmut', 'Donetsk Oblast', 'UA'], ['Khartoum', 'Khartoum', 'SD'], ['El Fasher', 'North Darfur', 'SD'], ['Gaza City', 'Gaza', 'PS'],
];
const TAGS = ['airstrike', 'casualties', 'displacement', 'siege', 'negotiations', 'prisoners', 'shelling', 'aid', 'ceasefire', 'finance'];
const HEDGES = ['may have', 'reportedly', 'allegedly', 'according to initial reports'];
const CUES = ['said', 'reported', 'told reporters', 'claimed', 'stated', 'quoting'];
const STATUSES: [string, number][] = [['UNVERIFIED', 0.6], ['CORROBORATED', 0.15], ['CONTESTED', 0.1], ['CONFIRMED', 0.1], ['FALSE', 0.03], ['RETRACTED', 0.02]];

/** Both coordinates or neither, as the app requires of a place. */
export function benchCoordinates(prng: Prng, hasPlace: boolean): [string | null, string | null] {
  if (!hasPlace || !prng.chance(0.5)) return [null, null];
  return [(30 + prng.next() * 10).toFixed(6), (35 + prng.next() * 10).toFixed(6)];
}

function weighted(prng: Prng, table: [string, number][]): string {
  let r = prng.next();
  for (const [value, weight] of table) {
    if ((r -= weight) < 0) return value;
  }
  return table[0][0];
}

/**
 * Claims per batch handed to the sink. Small, so that a batch's row objects and strings die young: with 5,000
 * they outlived V8's young generation, and promoting and then collecting them took half of node's CPU.
 */
const FLUSH_CLAIMS = 100;

export interface GeneratedCounts {
  [table: string]: number;
}

/**
 * Fills an empty, migrated database: a PostgreSQL URL (COPY, postgres-sink.ts) or a sink of your own
 * (the SQLite file of `--sqlite`, sqlite-sink.ts). Returns row counts per table.
 *
 * Every derived value is true: sourcing, anonymity and claim_source by the app's functions (claims/analysis/sourcing.ts),
 * figure_span as the app files it (claims/analysis/figure-spans.ts), and the discrepancy flags by the app's rule, worked
 * out before the first row from the claims' plans (claim-plan.ts, discrepancy-flags.ts).
 */
export async function generateDataSet(target: string | DataSink, scale: number, seed: number, log: (line: string) => void): Promise<GeneratedCounts> {
  const size = sizeFor(scale);
  const prng = new Prng(seed);
  const clock = new IdClock(Date.UTC(2024, 0, 1), prng);
  const sink = typeof target === 'string' ? new PostgresSink(target) : target;
  const counts: GeneratedCounts = {};
  const pending: Record<string, Rows> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  const flush = async () => {
    for (const table of TABLE_NAMES) {
      if (!pending[table].length) continue;
      counts[table] = (counts[table] ?? 0) + rowCount(pending[table]);
      await sink.write(table, pending[table]);
      pending[table] = [];
    }
  };
  // Most rows are stamped at a millisecond an earlier row was: format each once.
  let isoMs = NaN;
  let isoText = '';
  const iso = (ms: number) => (ms === isoMs ? isoText : ((isoMs = ms), (isoText = new Date(ms).toISOString())));

  const planned = Date.now();
  // The plans draw from a stream of their own (claim-plan.ts), seeded apart from the rows' stream.
  const plans = new ClaimPlans((seed ^ 0x5eed) >>> 0, size.claims);
  const { flagged, figures } = plans.flags();
  log(`discrepancy flags of ${figures} figures worked out in ${((Date.now() - planned) / 1000).toFixed(1)} s: ${flagged.reduce((n, f) => n + f, 0)} claims flagged`);

  try {
    await sink.open();
    const rowsCpu = process.cpuUsage();
    // Sources: the well-known outlets first (the relays), then named speakers and anonymous ones.
    const relayIds: string[] = [];
    const namedIds: string[] = [];
    const anonymousIds: string[] = [];
    const facts = new Map<string, SourceFacts>();
    const addSource = (kind: string, name: string, aliases: string[], extra: Partial<Record<'basedIn' | 'reliability', string>> = {}) => {
      clock.advance(prng.int(1, 50));
      const id = clock.id();
      const at = iso(clock.time());
      pending.source.push({
        id, created_at: at, updated_at: at, version: 1, deleted_at: null, deleted_by: null,
        kind, name, name_key: sourceNameKey(name), based_in: extra.basedIn ?? null, affiliation: null, wikidata_id: null,
        reliability: extra.reliability ?? null, confidential_note: null,
      });
      for (const alias of aliases) pending.source_alias.push({ id: clock.id(), source_id: id, alias, alias_key: sourceNameKey(alias) });
      facts.set(id, { id, name, anonymous: kind === 'ANONYMOUS', originGroupId: null });
      return id;
    };
    for (const [name, kind, aliases] of OUTLETS) relayIds.push(addSource(kind, name, aliases, { reliability: 'B' }));
    const outletCount = Math.max(20, Math.round(size.sources * 0.08));
    for (let i = relayIds.length; i < outletCount; i++) {
      const aliases = prng.chance(0.3) ? [`O${i}`] : [];
      relayIds.push(addSource(prng.chance(0.5) ? 'MEDIA_OUTLET' : 'NEWS_AGENCY', `Outlet ${i} News`, aliases, { reliability: prng.pick(['A', 'B', 'C', 'D']) }));
    }
    while (relayIds.length + namedIds.length + anonymousIds.length < size.sources) {
      if (prng.chance(0.3)) {
        anonymousIds.push(addSource('ANONYMOUS', prng.pick(ANONYMOUS), []));
      } else {
        const n = namedIds.length;
        const aliases = prng.chance(0.2) ? [`Alias ${n}`, ...(prng.chance(0.3) ? [`AKA ${n}`] : [])] : [];
        namedIds.push(addSource(prng.pick(NAMED_KINDS), `Source ${n} ${prng.pick(['Brigade', 'Council', 'Committee', 'Office', 'Network', 'Smith', 'Haddad'])}`, aliases, {
          basedIn: prng.chance(0.5) ? prng.pick(['Britain', 'Syria', 'Turkey', 'Iraq', 'Ukraine']) : undefined,
          reliability: prng.chance(0.7) ? prng.pick(['A', 'B', 'C', 'D', 'E', 'F']) : undefined,
        }));
      }
    }
    await flush();
    log(`sources: ${counts.source} (+${counts.source_alias ?? 0} aliases)`);

    // Claims, in creation order; articles are logged as the reporting goes on, so each claim cites a recent one.
    const articleIds: string[] = [];
    const attributionTarget = 2.5 * size.claims;
    const citationRate = size.articles / attributionTarget; // ~1 citation per article overall
    const articleEvery = size.claims / size.articles;
    let articleDebt = 0;
    // The plans' event windows are relative to the first claim's planned time: the clock when claims begin.
    const planOrigin = clock.time();
    for (let c = 0; c < size.claims; c++) {
      articleDebt += 1 / articleEvery;
      while (articleDebt >= 1 || articleIds.length === 0) {
        articleDebt -= 1;
        clock.advance(prng.int(1, 200));
        const id = clock.id();
        const at = iso(clock.time());
        const n = articleIds.length;
        const publisher = prng.skewed(OUTLETS)[0];
        const url = `https://news${n % 97}.example.org/${2024 + Math.floor(n / 20000)}/story-${n}`;
        pending.article.push({
          id, created_at: at, updated_at: at, version: 1, deleted_at: null, deleted_by: null,
          url: `${url}?utm_source=feed`, canonical_url: url, headline: `Headline ${n}: ${prng.pick(NOUNS)} ${prng.pick(VERBS)} near ${prng.pick(PLACES)[0]}`,
          publisher, wire_agency: prng.chance(0.4) ? prng.pick(['AP', 'AFP', 'Reuters']) : null, byline: prng.chance(0.6) ? `Reporter ${prng.int(1, 400)}` : null,
          published_at: at, language: prng.chance(0.8) ? 'en' : 'ar', body_text: null, retrieved_at: at,
        });
        articleIds.push(id);
      }
      clock.advance(prng.int(1, 300));
      const plan = plans.next();
      const claimId = clock.id();
      const claimAt = iso(clock.time());
      const place = prng.chance(0.7) ? prng.pick(PLACES) : null;
      const start = plan.start === null ? null : new Date(planOrigin + plan.start);
      const end = plan.end === null ? null : new Date(planOrigin + plan.end);
      const tags = TAGS.filter(() => prng.chance(0.15));
      const [latitude, longitude] = benchCoordinates(prng, place !== null);
      const statement = `${prng.int(2, 2000)} ${prng.pick(NOUNS)} ${prng.pick(VERBS)} ${place ? `near ${place[0]}` : 'in the area'} (claim ${c})`;
      const hedge = prng.chance(0.2) ? prng.pick(HEDGES) : null;
      const status = weighted(prng, STATUSES);
      const precision = place ? prng.pick(['EXACT', 'NEAR', 'ADMIN2', 'ADMIN1']) : null;
      const timePrecision = start ? prng.pick(['DAY', 'HOUR', 'WEEK']) : null;
      const hasDiscrepancy = flagged[c] === 1;
      // The discrepancy check's rows, filed as the app files them (claims/analysis/figure-span-index.ts): live claims only.
      const keys = plan.deleted || !plan.figures.length ? [] : spanKeys(start ? { start, end } : null);
      const each = keys.map((key) => ({ kind: key.kind, node: key.node }));
      plan.figures.forEach((figure, position) => {
        const quantityId = clock.id();
        pending.claim_quantity.push({
          id: quantityId, claim_id: claimId, position, variable: figure.variable, value: figure.value, lower: figure.lower,
          lower_inclusive: figure.lowerInclusive, upper: figure.upper, upper_inclusive: figure.upperInclusive, approximate: figure.approximate,
          qualifier: figure.qualifier, unit: figure.unit, currency: figure.currency,
        });
        const { range } = figure;
        const low = Number.isFinite(range.low) ? range.low : null;
        const high = Number.isFinite(range.high) ? range.high : null;
        if (each.length) {
          pending.figure_span.push({
            each,
            common: { quantity_id: quantityId, claim_id: claimId, variable: figure.variable, low, low_inclusive: range.lowInclusive, high, high_inclusive: range.highInclusive, flagged: hasDiscrepancy },
          });
        }
      });
      const live: AttributionFacts[] = [];
      const attributions = prng.int(1, 4);
      for (let a = 0; a < attributions; a++) {
        clock.advance(prng.int(0, 3));
        const anonymous = prng.chance(0.3);
        const speaker = anonymous ? prng.pick(anonymousIds) : prng.skewed(namedIds, 2);
        const attId = clock.id();
        const at = iso(clock.time());
        const deleted = prng.chance(0.02);
        const stance = prng.chance(0.85) ? 'ASSERTS' : prng.pick(['DENIES', 'QUESTIONS'] as const);
        const attribution: AttributionFacts = { stance, speaker: facts.get(speaker) as SourceFacts, chain: [] };
        if (!deleted) live.push(attribution);
        pending.attribution.push({
          id: attId, created_at: at, updated_at: at, version: 1, deleted_at: deleted ? at : null, deleted_by: null,
          claim_id: claimId, source_id: speaker, stance, cue: prng.pick(CUES),
          mode: prng.chance(0.3) ? 'DIRECT_QUOTE' : 'PARAPHRASE', said_at: prng.chance(0.5) ? at : null,
          credibility: prng.chance(0.5) ? prng.int(1, 6) : null,
          anonymity_reason: anonymous && prng.chance(0.6) ? 'not authorized to speak to the media' : null,
          relationship: anonymous && prng.chance(0.4) ? 'close to the negotiations' : null,
          conditions: prng.chance(0.2) ? '["could not be independently verified"]' : '[]',
          created_by: null,
        });
        if (prng.chance(0.3)) {
          const hops = new Set<string>();
          const length = prng.int(1, 3);
          while (hops.size < length) hops.add(prng.skewed(relayIds, 2));
          let position = 0;
          for (const hop of hops) {
            const cue = prng.pick(['quoting', 'citing', null]);
            attribution.chain.push({ source: facts.get(hop) as SourceFacts, cue });
            pending.relay_hop.push({ id: clock.id(), attribution_id: attId, position: position++, source_id: hop, cue });
          }
        }
        if (prng.chance(citationRate)) {
          const article = articleIds[Math.max(0, articleIds.length - 1 - prng.int(0, 20))];
          const quote = `"${prng.pick(NOUNS)} ${prng.pick(VERBS)}," the source said (${c}.${a})`;
          const offset = prng.int(0, 4000);
          const id = clock.id();
          const cited = iso(clock.time());
          pending.citation.push({
            id, created_at: cited, updated_at: cited, version: 1, deleted_at: null, deleted_by: null,
            attribution_id: attId, article_id: article, quote, prefix: 'According to the report, ', suffix: ' on Tuesday.',
            start_offset: offset, end_offset: offset + quote.length,
          });
        }
      }
      // Derived values by the app's one definition (claims/analysis/sourcing.ts), from the live attributions.
      const derived = summarizeSourcing(live);
      pending.claim.push({
        id: claimId, created_at: claimAt, updated_at: claimAt, version: 1, deleted_at: plan.deleted ? claimAt : null, deleted_by: null,
        statement, hedge, tags: JSON.stringify(tags), status, created_by: null,
        place_name: place?.[0] ?? null, place_admin_area: place?.[1] ?? null, place_country: place?.[2] ?? null,
        place_latitude: latitude, place_longitude: longitude, place_precision: precision,
        event_time_start: start && iso(start.getTime()), event_time_end: end && iso(end.getTime()), event_time_precision: timePrecision,
        independent_source_count: derived.independentSourceCount, denying_source_count: derived.denyingSourceCount,
        questioning_source_count: derived.questioningSourceCount, sourcing: derived.sourcing, circular: derived.circular,
        speaker_anonymity: derived.speakerAnonymity, has_discrepancy: hasDiscrepancy,
      });
      for (const s of claimSourcesOf(live)) {
        pending.claim_source.push({ source_id: s.sourceId, claim_id: claimId, speaks: s.speaks, relays: s.relays, speaker_anonymity: s.speakerAnonymity });
      }
      if (pending.claim.length >= FLUSH_CLAIMS) {
        await flush();
        if ((c + 1) % 20000 < FLUSH_CLAIMS || c + 1 === size.claims) log(`claims: ${c + 1}/${size.claims}`);
      }
    }
    await flush();
    const cpu = process.cpuUsage(rowsCpu);
    log(`rows made: node's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (generating and encoding them)`);
    await sink.finish(log);
    return counts;
  } catch (error) {
    // The database is left without its marker, so no later run takes it for a data set.
    await sink.abort();
    throw error;
  }
}
