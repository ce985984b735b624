import { LogClaimInput } from '../claims/dto/log-claim.input';
import { SourceKind } from '../sources/source-kind';
import { AttributionMode, Stance } from '../attributions/attribution-enum-values';
import { TimePrecision, PlacePrecision } from '../claims/claim-enum-values';

/**
 * The demo: an invented wire story about the siege of a riverside town, written for claimdesk.
 * Places and groups are fictional; its shape (a monitor, an activist collective, an armed
 * alliance, a TV network relaying an anonymous official, an insider granted anonymity,
 * bounded figures, a hedge, corroboration and a discrepancy) follows real siege coverage.
 */
export const DEMO_ARTICLE_TEXT = [
  'TELL HAMRA, Syria (Desert Wire) — More than 300 militants trapped in a shrinking pocket of Tell Hamra are holding out against surrender and are bargaining for a way out, local activists and a person close to the talks said Monday.',
  'The person close to the talks said the militants want safe passage to the northwest for themselves and their families. He asked not to be named because he was not authorized to discuss the negotiations.',
  'The Levant Monitor for Human Rights, a Britain-based group that tracks the war through a network of contacts, said the militants freed 12 alliance fighters on Sunday. The activist collective Valley 24 also reported the release.',
  'Northstar News, quoting a senior military official, reported that at least 1,000 militants who slipped out over the past six months may have taken at least $150 million in cash with them.',
  'The Levant Monitor put the number of militants still inside the pocket at about 400. A spokesman for the Eastern Valley Forces said at least 1,500 remained.',
  'Valley 24 said a truce between the two sides had been extended by five days. The Eastern Valley Forces denied any extension.',
].join('\n\n');

const PUBLISHED = new Date('2019-02-18T14:30:00Z');
const SUNDAY = new Date('2019-02-17T00:00:00Z');

const article = {
  url: 'https://desertwire.example.org/2019/02/18/tell-hamra-holdouts?utm_source=demo',
  headline: 'Militants in besieged Tell Hamra refuse to surrender, seek way out',
  publisher: 'Desert Wire',
  wireAgency: 'Desert Wire',
  byline: 'Desk staff',
  publishedAt: PUBLISHED,
  language: 'en',
  bodyText: DEMO_ARTICLE_TEXT,
};

const place = { name: 'Tell Hamra', adminArea: 'Deir ez-Zor', country: 'SY', precision: PlacePrecision.NEAR };

const monitor = {
  name: 'Levant Monitor for Human Rights',
  kind: SourceKind.MONITORING_GROUP,
  basedIn: 'Britain',
  aliases: ['LMHR', 'the Levant Monitor'],
};
const collective = { name: 'Valley 24', kind: SourceKind.ACTIVIST_COLLECTIVE, basedIn: 'eastern Syria' };
const alliance = { name: 'Eastern Valley Forces', kind: SourceKind.ARMED_GROUP, aliases: ['EVF'] };
const network = { name: 'Northstar News', kind: SourceKind.MEDIA_OUTLET };
const insider = { name: 'a person close to the talks', kind: SourceKind.ANONYMOUS };

function quote(text: string) {
  const start = DEMO_ARTICLE_TEXT.indexOf(text);
  if (start < 0) throw new Error(`demo quote not in demo text: ${text}`);
  return { quote: text, startOffset: start, endOffset: start + text.length };
}

export const DEMO_CLAIMS: LogClaimInput[] = [
  {
    statement: 'More than 300 militants besieged in Tell Hamra refuse to surrender and are negotiating an exit.',
    tags: ['siege', 'negotiations'],
    place,
    eventTime: { start: new Date('2019-02-18T00:00:00Z'), precision: TimePrecision.DAY },
    quantities: [
      { variable: 'militants_refusing_surrender', lower: 300, lowerInclusive: false, qualifier: 'more than', unit: 'militants' },
    ],
    article,
    attributions: [
      { source: collective, cue: 'said', mode: AttributionMode.PARAPHRASE, saidAt: PUBLISHED, quote: quote('More than 300 militants trapped in a shrinking pocket of Tell Hamra are holding out against surrender') },
      {
        source: insider,
        cue: 'said',
        mode: AttributionMode.PARAPHRASE,
        relationship: 'close to the talks',
        anonymityReason: 'not authorized to discuss the negotiations',
        saidAt: PUBLISHED,
        quote: quote('a person close to the talks said Monday'),
      },
    ],
  },
  {
    statement: 'The besieged militants are asking for safe passage to the northwest together with their families.',
    tags: ['negotiations'],
    place,
    article,
    attributions: [
      {
        source: insider,
        cue: 'said',
        relationship: 'close to the talks',
        anonymityReason: 'not authorized to discuss the negotiations',
        quote: quote('the militants want safe passage to the northwest for themselves and their families'),
      },
    ],
  },
  {
    statement: 'The militants released 12 alliance fighters they had been holding.',
    tags: ['prisoners'],
    place,
    eventTime: { start: SUNDAY, precision: TimePrecision.DAY },
    quantities: [{ variable: 'fighters_released', value: 12, unit: 'fighters' }],
    article,
    attributions: [
      { source: monitor, cue: 'said', credibility: 2, quote: quote('the militants freed 12 alliance fighters on Sunday') },
      { source: collective, cue: 'also reported', quote: quote('also reported the release') },
    ],
  },
  {
    statement: 'At least 1,000 militants who fled in the past six months may have taken at least $150 million in cash.',
    hedge: 'may have',
    tags: ['finance', 'flight'],
    eventTime: { start: new Date('2018-08-18T00:00:00Z'), end: PUBLISHED, precision: TimePrecision.MONTH },
    quantities: [
      { variable: 'militants_fled', lower: 1000, qualifier: 'at least', unit: 'militants' },
      { variable: 'cash_taken', lower: 150_000_000, qualifier: 'at least', currency: 'USD' },
    ],
    article,
    attributions: [
      {
        source: { name: 'a senior military official', kind: SourceKind.ANONYMOUS },
        via: [{ source: network, cue: 'quoting' }],
        cue: 'reported',
        credibility: 3,
        quote: quote('at least 1,000 militants who slipped out over the past six months may have taken at least $150 million in cash'),
      },
    ],
  },
  {
    statement: 'About 400 militants remain inside the Tell Hamra pocket.',
    tags: ['siege'],
    place,
    eventTime: { start: new Date('2019-02-18T00:00:00Z'), precision: TimePrecision.DAY },
    quantities: [{ variable: 'militants_remaining', value: 400, approximate: true, qualifier: 'about', unit: 'militants' }],
    article,
    attributions: [{ source: monitor, cue: 'put the number', quote: quote('put the number of militants still inside the pocket at about 400') }],
  },
  {
    statement: 'At least 1,500 militants remain inside the Tell Hamra pocket.',
    tags: ['siege'],
    place,
    eventTime: { start: new Date('2019-02-18T00:00:00Z'), precision: TimePrecision.DAY },
    quantities: [{ variable: 'militants_remaining', lower: 1500, qualifier: 'at least', unit: 'militants' }],
    article,
    attributions: [{ source: { ...alliance, name: 'Eastern Valley Forces' }, cue: 'said', quote: quote('said at least 1,500 remained') }],
  },
  {
    statement: 'The truce between the militants and the alliance was extended by five days.',
    tags: ['truce'],
    place,
    eventTime: { start: SUNDAY, end: new Date('2019-02-22T00:00:00Z'), precision: TimePrecision.DAY },
    article,
    attributions: [
      { source: collective, cue: 'said', quote: quote('a truce between the two sides had been extended by five days') },
      { source: alliance, stance: Stance.DENIES, cue: 'denied', quote: quote('denied any extension') },
    ],
  },
] as LogClaimInput[];
