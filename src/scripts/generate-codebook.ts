import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodebook } from '../exports/codebook';

/** Writes docs/codebook.md from the column definitions (a test fails when it is stale). */
const target = join(process.cwd(), 'docs', 'codebook.md');
writeFileSync(target, renderCodebook());
console.log(`Wrote ${target}`);
