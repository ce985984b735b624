import { InvalidUrlError, canonicalizeUrl } from './canonical-url';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://WWW.Example.ORG/News/Story?id=7#comments', 'https://www.example.org/News/Story?id=7'],
    ['https://example.org/a?utm_source=tw&utm_medium=social&id=3', 'https://example.org/a?id=3'],
    ['https://example.org/a?fbclid=abc&gclid=x', 'https://example.org/a'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?a=1&b=2'],
    ['HTTP://example.org:80/a', 'http://example.org/a'],
    ['https://user:pw@example.org/a', 'https://example.org/a'],
    ['  https://example.org/a  ', 'https://example.org/a'],
  ])('%s -> %s', (raw, canonical) => {
    expect(canonicalizeUrl(raw)).toBe(canonical);
  });

  it('keeps path case, because publishers treat paths as case-sensitive', () => {
    expect(canonicalizeUrl('https://example.org/Story-ABC')).toBe('https://example.org/Story-ABC');
  });

  it.each(['not a url', 'ftp://example.org/file', 'javascript:alert(1)', 'https://intranet/page', ''])('refuses %p', (raw) => {
    expect(() => canonicalizeUrl(raw)).toThrow(InvalidUrlError);
  });
});
