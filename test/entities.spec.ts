import { DataSource, QueryFailedError } from 'typeorm';
import { Article } from '../src/articles/article.entity';
import { Attribution } from '../src/attributions/attribution.entity';
import { Citation } from '../src/attributions/citation.entity';
import { RelayHop } from '../src/attributions/relay-hop.entity';
import { ClaimQuantity } from '../src/claims/claim-quantity.entity';
import { Claim } from '../src/claims/claim.entity';
import { TimePrecision } from '../src/claims/claim-enum-values';
import { SourceAlias } from '../src/sources/source-alias.entity';
import { SourceKind } from '../src/sources/source-kind';
import { Source } from '../src/sources/source.entity';
import { openMigratedDataSource } from './support/database';

/** Service tier: entities written and read back through a real, migrated database. */
describe('entity round-trips', () => {
  let ds: DataSource;
  let close: () => Promise<void>;
  beforeAll(async () => ({ dataSource: ds, close } = await openMigratedDataSource()));
  afterAll(() => close());

  const source = (name: string, kind = SourceKind.MEDIA_OUTLET) =>
    ds.manager.save(ds.manager.create(Source, { name, nameKey: name.toLowerCase(), kind }));

  it('keeps a source with its aliases and Admiralty grade', async () => {
    const s = await ds.manager.save(
      ds.manager.create(Source, { name: 'Levant Monitor', nameKey: 'levant monitor', kind: SourceKind.MONITORING_GROUP, basedIn: 'Britain', reliability: 'B' as never, wikidataId: 'Q42' }),
    );
    await ds.manager.insert(SourceAlias, ds.manager.create(SourceAlias, { sourceId: s.id, alias: 'LM', aliasKey: 'lm' }));
    const back = await ds.manager.findOneOrFail(Source, { where: { id: s.id }, relations: { aliases: true } });
    expect(back).toMatchObject({ name: 'Levant Monitor', kind: 'MONITORING_GROUP', basedIn: 'Britain', reliability: 'B', wikidataId: 'Q42', version: 1 });
    expect(back.aliases.map((a) => a.alias)).toEqual(['LM']);
    expect(back.createdAt).toBeInstanceOf(Date);
  });

  it('keeps quantity bounds, inclusivity, money and decimals exactly', async () => {
    const claim = await ds.manager.save(
      ds.manager.create(Claim, {
        statement: 'At least 1,000 fighters may have left with at least $200 million.',
        hedge: 'may have',
        tags: ['finance', 'flight'],
        place: { name: 'Tell Hamra', adminArea: null, country: 'SY', latitude: 34.456789, longitude: 40.912345, precision: null },
        eventTime: { start: new Date('2018-08-18T00:00:00.000Z'), end: new Date('2019-02-18T14:30:00.123Z'), precision: TimePrecision.MONTH },
      }),
    );
    await ds.manager.insert(ClaimQuantity, [
      ds.manager.create(ClaimQuantity, { claimId: claim.id, position: 0, variable: 'fighters_fled', lower: 1000, lowerInclusive: true, qualifier: 'at least', unit: 'fighters' }),
      ds.manager.create(ClaimQuantity, { claimId: claim.id, position: 1, variable: 'cash_taken', lower: 200_000_000, currency: 'USD', upper: 250_000_000.5, upperInclusive: false }),
      ds.manager.create(ClaimQuantity, { claimId: claim.id, position: 2, variable: 'fighters_refusing', lower: 300, lowerInclusive: false, approximate: true }),
    ]);
    const back = await ds.manager.findOneOrFail(Claim, { where: { id: claim.id }, relations: { quantities: true } });
    const qs = back.quantities.sort((a, b) => a.position - b.position);
    expect(qs[0]).toMatchObject({ variable: 'fighters_fled', lower: 1000, lowerInclusive: true, upper: null, value: null, unit: 'fighters' });
    expect(qs[1]).toMatchObject({ lower: 200000000, upper: 250000000.5, upperInclusive: false, currency: 'USD' });
    expect(qs[2]).toMatchObject({ lower: 300, lowerInclusive: false, approximate: true });
    expect(back.tags).toEqual(['finance', 'flight']);
    expect(back.place).toMatchObject({ name: 'Tell Hamra', country: 'SY', latitude: 34.456789, longitude: 40.912345 });
    expect(back.eventTime.end?.toISOString()).toBe('2019-02-18T14:30:00.123Z');
    expect(back.status).toBe('UNVERIFIED');
  });

  it('keeps a three-hop relay chain in order, with the citation anchoring it', async () => {
    const official = await source('a senior military official', SourceKind.ANONYMOUS);
    const [agency, network, paper] = [await source('Agency One'), await source('Network Two'), await source('Paper Three')];
    const claim = await ds.manager.save(ds.manager.create(Claim, { statement: 'Cash left the pocket.' }));
    const attribution = await ds.manager.save(
      ds.manager.create(Attribution, { claimId: claim.id, sourceId: official.id, cue: 'quoting', anonymityReason: 'not authorized to speak', conditions: ['could not be independently verified'] }),
    );
    // Inserted out of order on purpose: position, not insertion, defines the chain.
    for (const [position, hop] of [[2, paper], [0, agency], [1, network]] as const) {
      await ds.manager.insert(RelayHop, ds.manager.create(RelayHop, { attributionId: attribution.id, position, sourceId: hop.id, cue: 'citing' }));
    }
    const article = await ds.manager.save(ds.manager.create(Article, { url: 'https://a.example.org/x', canonicalUrl: 'https://a.example.org/x' }));
    await ds.manager.save(ds.manager.create(Citation, { attributionId: attribution.id, articleId: article.id, quote: 'cash', prefix: 'took ', suffix: ' with', startOffset: 10, endOffset: 14 }));

    const back = await ds.manager.findOneOrFail(Attribution, { where: { id: attribution.id }, relations: { chain: { source: true } } });
    const chain = back.chain.sort((a, b) => a.position - b.position).map((h) => h.source.name);
    expect(chain).toEqual(['Agency One', 'Network Two', 'Paper Three']);
    expect(back).toMatchObject({ stance: 'ASSERTS', mode: 'PARAPHRASE', anonymityReason: 'not authorized to speak', conditions: ['could not be independently verified'] });
    const citation = await ds.manager.findOneOrFail(Citation, { where: { attributionId: attribution.id } });
    expect(citation).toMatchObject({ quote: 'cash', prefix: 'took ', suffix: ' with', startOffset: 10, endOffset: 14 });
  });

  it('refuses a second article with the same canonical URL', async () => {
    const url = 'https://b.example.org/same';
    await ds.manager.insert(Article, ds.manager.create(Article, { url, canonicalUrl: url }));
    await expect(ds.manager.insert(Article, ds.manager.create(Article, { url: `${url}#x`, canonicalUrl: url }))).rejects.toBeInstanceOf(QueryFailedError);
  });

  it('refuses two hops at the same position of one chain', async () => {
    const s = await source('Solo Outlet');
    const claim = await ds.manager.save(ds.manager.create(Claim, { statement: 'x' }));
    const a = await ds.manager.save(ds.manager.create(Attribution, { claimId: claim.id, sourceId: s.id }));
    await ds.manager.insert(RelayHop, ds.manager.create(RelayHop, { attributionId: a.id, position: 0, sourceId: s.id }));
    await expect(ds.manager.insert(RelayHop, ds.manager.create(RelayHop, { attributionId: a.id, position: 0, sourceId: s.id }))).rejects.toBeInstanceOf(QueryFailedError);
  });
});
