import { extractAttributions, isBoilerplateLine } from '../../src/extraction';

const publishedAt = new Date('2024-05-08T12:00:00Z');

describe('boilerplate', () => {
  it.each([
    'Displaced families queue for water near Rafah, Gaza, on Monday. (AP Photo/Samir Haddad)',
    'Smoke rises over the town. Photo: Lina Sayegh',
    'Subscribe to continue reading',
    'Already registered? Enter your email to sign in.',
    'Read more:',
    'Sign up for our daily briefing newsletter',
    'By registering you agree to the terms and conditions.',
    'Never miss breaking news on the region',
  ])('drops "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it('keeps long body copy that mentions registration', () => {
    const body = 'The UN refugee agency said it had registered more than 4,000 new arrivals at the border crossing in the past week, most of them women and children fleeing the shelling.';
    expect(isBoilerplateLine(body)).toBe(false);
  });

  it('yields no suggestions for a caption, even one that looks like reported speech', () => {
    const caption = 'A fighter stands guard as officials said the town was retaken, in Baghouz, Syria, on Sunday. (AP Photo/Lina Sayegh)';
    expect(extractAttributions(caption, { publishedAt })).toEqual([]);
  });

  it('yields no suggestions for a registration wall', () => {
    const wall = ['Read more:', 'Register for free', 'and continue reading', 'Already registered? Enter your email to sign in.', 'Log in to continue'].join('\n');
    expect(extractAttributions(wall, { publishedAt })).toEqual([]);
  });
});

describe('messy input', () => {
  it('returns nothing for empty or blank text', () => {
    expect(extractAttributions('', { publishedAt })).toEqual([]);
    expect(extractAttributions(' \n\r\n\t', { publishedAt })).toEqual([]);
  });

  it('keeps offsets right with Windows line endings and curly quotes', () => {
    const text = 'Read more:\r\nSign in\r\n\u201cWe will stay,\u201d said Umm Khaled, a mother of four.\r\n';
    const [suggestion] = extractAttributions(text, { publishedAt });
    expect(suggestion.content.text).toBe('We will stay');
    expect(text.slice(suggestion.source.span.start, suggestion.source.span.end)).toBe('Umm Khaled');
  });
});
