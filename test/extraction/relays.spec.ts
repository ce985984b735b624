import { extractAttributions } from '../../src/extraction';

const publishedAt = new Date('2019-02-18T12:00:00Z');

function single(text: string) {
  const suggestions = extractAttributions(text, { publishedAt });
  expect(suggestions).toHaveLength(1);
  return suggestions[0];
}

describe('relay chains', () => {
  it('makes the quoted official the source and the outlet its relay', () => {
    const suggestion = single('A broadcaster network, Channel Nine, aside; CNN, quoting a senior military official, reported Monday that at least 1,000 fighters had fled.'.replace(/^.*; /, ''));
    expect(suggestion.source).toMatchObject({ name: 'senior military official', anonymous: true, kind: 'ANONYMOUS' });
    expect(suggestion.chain.map((hop) => hop.name)).toEqual(['CNN']);
    expect(suggestion.chain[0].cue).toBe('quoting');
    expect(suggestion.cue.text).toBe('reported');
  });

  it('orders a two-hop chain outermost first', () => {
    const suggestion = single('AFP, citing CNN, which quoted an official, said the convoy had left.');
    expect(suggestion.chain.map((hop) => hop.name)).toEqual(['Agence France-Presse', 'CNN']);
    expect(suggestion.source).toMatchObject({ name: 'official', anonymous: true });
  });

  it('reads "quoted ... as saying"', () => {
    const suggestion = single('The official SANA news agency quoted a military source as saying that the missiles caused damage.');
    expect(suggestion.chain.map((hop) => hop.name)).toEqual(['Syrian Arab News Agency']);
    expect(suggestion.source.name).toBe('military source');
    expect(suggestion.content.text).toBe('the missiles caused damage');
  });

  it('reads a trailing "citing" after the cue', () => {
    const suggestion = single('Two commanders were killed in the strike, Reuters reported, citing two security sources.');
    expect(suggestion.chain.map((hop) => hop.name)).toEqual(['Reuters']);
    expect(suggestion.source).toMatchObject({ name: 'two security sources', anonymous: true });
  });

  it('treats an outlet told directly as a relay', () => {
    const suggestion = single('A resident told Al Jazeera that the bakery had closed.');
    expect(suggestion.chain.map((hop) => hop.name)).toEqual(['Al Jazeera']);
  });

  it('keeps character offsets that point back into the text', () => {
    const text = 'CNN, quoting a senior military official, reported Monday that at least 1,000 fighters had fled.';
    const suggestion = single(text);
    expect(text.slice(suggestion.source.span.start, suggestion.source.span.end)).toBe('a senior military official');
    expect(text.slice(suggestion.chain[0].span.start, suggestion.chain[0].span.end)).toBe('CNN');
    expect(text.slice(suggestion.content.start, suggestion.content.end)).toBe(suggestion.content.text);
    expect(suggestion.content.text).toBe('at least 1,000 fighters had fled');
  });

  it('matches known sources by alias regardless of case and accents', () => {
    const knownSources = [{ id: 'sohr-1', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'], kind: 'MONITORING_GROUP' }];
    const [suggestion] = extractAttributions('The Britain-based Syrian Observatory for Human Rights said 10 fighters were freed.', { publishedAt, knownSources });
    expect(suggestion.source.matchedSourceId).toBe('sohr-1');
    const [accented] = extractAttributions('Médecins Sans Frontières said two clinics closed.', {
      publishedAt,
      knownSources: [{ id: 'msf', name: 'Doctors Without Borders', aliases: ['Medecins Sans Frontieres'], kind: 'NGO' }],
    });
    expect(accented.source.matchedSourceId).toBe('msf');
  });
});
