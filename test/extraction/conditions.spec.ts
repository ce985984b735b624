import { extractAttributions } from '../../src/extraction';

const publishedAt = new Date('2019-02-18T12:00:00Z');

describe('conditions, pronouns and stance', () => {
  it('attaches a following anonymity sentence to the anonymous source before it', () => {
    const text =
      'A person familiar with the negotiations said the militants are asking for a corridor. He spoke on condition of anonymity because he was not authorized to speak about the talks.';
    const [suggestion] = extractAttributions(text, { publishedAt });
    expect(suggestion.source).toMatchObject({ anonymous: true, descriptor: 'A person familiar with the negotiations' });
    expect(suggestion.conditions.anonymityReason).toBe('not authorized to speak about the talks');
    expect(suggestion.conditions.relationship).toBe('familiar with the negotiations');
  });

  it('reads an inline anonymity grant', () => {
    const [suggestion] = extractAttributions('Two officials, speaking on condition of anonymity in line with regulations, said the road was cut.', { publishedAt });
    expect(suggestion.conditions.anonymityReason).toBe('in line with regulations');
  });

  it('does not give an anonymity reason to a named source', () => {
    const text = 'The Syrian Observatory for Human Rights said the road was cut. He spoke on condition of anonymity because he was not authorized to speak.';
    const [suggestion] = extractAttributions(text, { publishedAt });
    expect(suggestion.conditions.anonymityReason).toBeUndefined();
  });

  it('resolves "the group" and "he" to the last source with low confidence', () => {
    const text = 'The DeirEzzor 24 collective said trucks entered Baghouz. The group also reported that IS released 10 SDF fighters Sunday. Most were wounded, he said.';
    const suggestions = extractAttributions(text, { publishedAt });
    expect(suggestions.map((s) => s.source.name)).toEqual(['DeirEzzor 24', 'DeirEzzor 24', 'DeirEzzor 24']);
    expect(suggestions.map((s) => s.confidence)).toEqual(['high', 'low', 'low']);
    expect(suggestions[1].time).toMatchObject({ start: '2019-02-17T00:00:00.000Z', precision: 'DAY' });
  });

  it('does not reach back further than two sentences for a pronoun', () => {
    const text = 'The ministry said the road was cut. Shelling continued. Aid was delayed. Power failed. Most were wounded, he said.';
    const suggestions = extractAttributions(text, { publishedAt });
    expect(suggestions[1].source.name).toBe('he');
    expect(suggestions[1].confidence).toBe('low');
  });

  it('reads denials and questions as stances', () => {
    const [denial, followOn] = extractAttributions('The Rapid Support Forces denied targeting civilians and said its fighters returned fire.', { publishedAt });
    expect(denial).toMatchObject({ stance: 'DENIES', content: expect.objectContaining({ text: 'targeting civilians' }) });
    expect(followOn).toMatchObject({ stance: 'ASSERTS', content: expect.objectContaining({ text: 'its fighters returned fire' }) });
    const [rejected] = extractAttributions('The coalition rejected claims that its aircraft struck a wedding.', { publishedAt });
    expect(rejected.stance).toBe('DENIES');
    const [questioned] = extractAttributions("Local activists questioned the government's account of the raid.", { publishedAt });
    expect(questioned.stance).toBe('QUESTIONS');
  });

  it('records hedges as written and moves "could not be verified" to conditions', () => {
    const [hedged] = extractAttributions('CNN reported that fighters may have made off with at least $200 million in cash.', { publishedAt });
    expect(hedged.hedge?.text).toBe('may have');
    const [unverified] = extractAttributions('The ministry said 327 troops were killed, a figure that could not be independently verified.', { publishedAt });
    expect(unverified.content.text).toBe('327 troops were killed');
    expect(unverified.hedge).toBeNull();
    expect(unverified.conditions.other).toEqual(['a figure that could not be independently verified']);
  });

  it('reads direct quotes in both orders', () => {
    const [after] = extractAttributions('"We will not leave," said Umm Khaled, a mother of four.', { publishedAt });
    expect(after).toMatchObject({ mode: 'DIRECT_QUOTE', source: expect.objectContaining({ name: 'Umm Khaled', kind: 'INDIVIDUAL' }) });
    const [before] = extractAttributions('Abu Omar, a rebel commander, said: "We are holding our positions."', { publishedAt });
    expect(before).toMatchObject({ mode: 'DIRECT_QUOTE', content: expect.objectContaining({ text: 'We are holding our positions' }) });
  });

  it('finds a place from the gazetteer or after a preposition', () => {
    const [known] = extractAttributions('The SDF said fighting continued in Baghouz.', { publishedAt });
    expect(known.place?.name).toBe('Baghouz');
    const [guessed] = extractAttributions('Police said a bomb exploded near Tel Hamis.', { publishedAt });
    expect(guessed.place?.name).toBe('Tel Hamis');
  });
});
