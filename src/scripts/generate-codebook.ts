import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodebook } from '../exports/codebook';
import { renderDataPackage } from '../exports/datapackage';

/** Writes docs/codebook.md and docs/datapackage.json from the column definitions (a test fails when either is stale). */
for (const [file, text] of [
  ['codebook.md', renderCodebook()],
  ['datapackage.json', renderDataPackage('full')],
]) {
  const target = join(process.cwd(), 'docs', file);
  writeFileSync(target, text);
  console.log(`Wrote ${target}`);
}
