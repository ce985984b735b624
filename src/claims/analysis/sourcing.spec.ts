import { attributionLine } from './attribution-line';
import { Sourcing } from '../claim-enum-values';
import { AttributionFacts, SourceFacts, originOf, summarizeSourcing } from './sourcing';

let n = 0;
const source = (name: string, anonymous = false, originGroupId: string | null = null): SourceFacts => ({ id: `s${++n}`, name, anonymous, originGroupId });
const says = (speaker: SourceFacts, chain: SourceFacts[] = [], stance: AttributionFacts['stance'] = 'ASSERTS', cues: (string | null)[] = []): AttributionFacts => ({
  stance,
  speaker,
  chain: chain.map((s, i) => ({ source: s, cue: cues[i] ?? null })),
});

describe('independent origins', () => {
  const cnn = source('CNN');
  const afp = source('AFP');

  it('counts CNN relaying an official and an agency relaying CNN\'s report of that official once', () => {
    const viaCnn = says(source('a senior military official', true), [cnn]);
    const viaAfp = says(source('a senior military official', true), [afp, cnn]);
    expect(originOf(viaCnn)).toBe(originOf(viaAfp));
    expect(summarizeSourcing([viaCnn, viaAfp])).toMatchObject({ independentSourceCount: 1, sourcing: Sourcing.ANONYMOUS_ONLY, circular: true });
  });

  it('counts two outlets each quoting their own named source twice', () => {
    const summary = summarizeSourcing([says(source('Levant Monitor'), [cnn]), says(source('Valley 24'), [afp])]);
    expect(summary).toMatchObject({ independentSourceCount: 2, sourcing: Sourcing.CORROBORATED, circular: false });
  });

  it('treats first-hand anonymous speakers as different origins unless an editor links them', () => {
    const a = source('a person close to the talks', true);
    const b = source('a person close to the talks', true);
    expect(summarizeSourcing([says(a), says(b)]).independentSourceCount).toBe(2);
    const linkedA = { ...a, originGroupId: 'g1' };
    const linkedB = { ...b, originGroupId: 'g1' };
    expect(summarizeSourcing([says(linkedA), says(linkedB)]).independentSourceCount).toBe(1);
  });

  it('counts one source relayed by two outlets once, and flags it as circular', () => {
    const monitor = source('Levant Monitor');
    expect(summarizeSourcing([says(monitor, [cnn]), says(monitor, [afp])])).toMatchObject({ independentSourceCount: 1, sourcing: Sourcing.SINGLE_SOURCE, circular: true });
  });

  it('is CONTESTED when any origin denies, and counts deniers and questioners apart', () => {
    const summary = summarizeSourcing([says(source('Valley 24')), says(source('Eastern Alliance'), [], 'DENIES'), says(source('Analyst'), [], 'QUESTIONS')]);
    expect(summary).toMatchObject({ sourcing: Sourcing.CONTESTED, independentSourceCount: 1, denyingSourceCount: 1, questioningSourceCount: 1 });
  });

  it('is UNSOURCED with nothing asserting', () => {
    expect(summarizeSourcing([]).sourcing).toBe(Sourcing.UNSOURCED);
    expect(summarizeSourcing([says(source('X'), [], 'QUESTIONS')]).sourcing).toBe(Sourcing.UNSOURCED);
  });
});

describe('attributionLine', () => {
  it('writes the relay chain in newsroom style and lists other origins once', () => {
    const cnn = source('CNN');
    const official = source('a senior military official', true);
    const line = attributionLine([
      says(official, [cnn], 'ASSERTS', ['quoting']),
      says(source('Valley 24')),
      says(source('Levant Monitor'), [source('AFP')], 'ASSERTS', ['citing']),
      says(source('Eastern Alliance'), [], 'DENIES'),
    ]);
    expect(line).toBe('CNN, quoting a senior military official (anonymous); also reported by Valley 24, AFP, citing Levant Monitor; denied by Eastern Alliance');
  });

  it('renders a three-hop chain with each hop\'s cue', () => {
    const line = attributionLine([says(source('an official', true), [source('AFP'), source('Paper'), source('CNN')], 'ASSERTS', ['citing', 'citing', 'quoting'])]);
    expect(line).toBe('AFP, citing Paper, citing CNN, quoting an official (anonymous)');
  });
});
