import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wireBlindPassages } from '../fixtures/extraction/gold-wire-blind';
import { wireDevPassages } from '../fixtures/extraction/gold-wire-dev';

/*
 * The wire blind split was frozen before any rule of issue 19 changed. Its files must never change
 * silently: a new hash here needs a new blind split and a note in docs/extraction.md.
 */
const FROZEN = {
  'gold-wire-blind.ts': '6ccc5fa776f0b4d11d50924f1a6344eb4c168ed20c66247b7747e3eedca80536',
  'gold-wire-helpers.ts': '621cc0508e8b126c3a1d590bcde57d87ba3270796c9cb30ed85bbb0db5f168b2',
};

const fixtures = join(__dirname, '..', 'fixtures', 'extraction');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(fixtures, file))).digest('hex');

describe('the frozen wire blind split', () => {
  it.each(Object.entries(FROZEN))('%s still has the SHA-256 recorded in docs/extraction.md', (file, hash) => {
    expect(sha256(file)).toBe(hash);
  });

  it('the docs record the same hashes', () => {
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'extraction.md'), 'utf8');
    for (const hash of Object.values(FROZEN)) expect(docs).toContain(hash);
  });

  it('the wire set holds at least 300 attributions, half of them blind, with no passage in both splits', () => {
    const count = (passages: typeof wireBlindPassages) => passages.reduce((sum, passage) => sum + passage.attributions.length, 0);
    expect(count(wireBlindPassages) + count(wireDevPassages)).toBeGreaterThanOrEqual(300);
    expect(count(wireBlindPassages)).toBeGreaterThanOrEqual(150);
    const devTexts = new Set(wireDevPassages.map((passage) => passage.text));
    expect(wireBlindPassages.filter((passage) => devTexts.has(passage.text))).toEqual([]);
  });
});
