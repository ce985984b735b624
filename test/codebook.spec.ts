import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodebook } from '../src/exports/codebook';

describe('docs/codebook.md', () => {
  it('matches the column definitions (regenerate: npx ts-node --transpile-only src/scripts/generate-codebook.ts)', () => {
    expect(readFileSync(join(__dirname, '..', 'docs', 'codebook.md'), 'utf8')).toBe(renderCodebook());
  });
});
