import { extractAttributions } from '../../src/extraction';

const publishedAt = new Date('2024-05-08T12:00:00Z');

describe('cue words that do not attribute', () => {
  it.each([
    'Fighters who claimed allegiance to the Islamic State group stormed the prison.',
    'It was reported that the convoy had been delayed.',
    'Residents were told to leave the area before the shelling began.',
    'The reported attack came days after a ceasefire collapsed.',
    'An estimated 5,000 people remain in the camp.',
    'Israel launched strikes on Beirut in what officials said was retaliation for rocket fire.',
    'The town, which officials said had been emptied of civilians, was shelled overnight.',
    'He is said to be hiding in the mountains near Idlib.',
    'Troops estimated to number in the thousands massed on the border.',
    'It was not clear how many civilians remained inside the besieged neighborhood.',
  ])('yields nothing for "%s"', (sentence) => {
    expect(extractAttributions(sentence, { publishedAt })).toEqual([]);
  });
});

describe('several speakers in one sentence', () => {
  it('keeps a second speaker apart from the first', () => {
    const suggestions = extractAttributions('Hezbollah said it launched drones at a base, but the Israeli military said all of them were intercepted.', { publishedAt });
    expect(suggestions.map((s) => [s.source.name, s.content.text])).toEqual([
      ['Hezbollah', 'it launched drones at a base'],
      ['Israel Defense Forces', 'all of them were intercepted'],
    ]);
  });

  it('reads a counter-claim tail as a second stance on the same content', () => {
    const [claim, counter] = extractAttributions('Al-Shabab said it had killed 12 soldiers, a claim the army denied.', { publishedAt });
    expect(claim.content.text).toBe('it had killed 12 soldiers');
    expect(counter).toMatchObject({ stance: 'DENIES', cue: expect.objectContaining({ text: 'denied' }), content: claim.content });
    expect(counter.source.name).toBe('army');
  });

  it('splits coordinated speakers after the content', () => {
    const suggestions = extractAttributions('Militants killed seven soldiers near Kidal, army officials and a local official said.', { publishedAt });
    expect(suggestions.map((s) => s.source.name)).toEqual(['army officials', 'local official']);
    expect(suggestions.every((s) => s.source.anonymous)).toBe(true);
  });
});
