import { INestApplicationContext } from '@nestjs/common';
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../core/actor';
import { ImportRejectedError } from '../imports/import-errors';
import { ImportService } from '../imports/import.service';
import { utf8Chunks } from '../imports/utf8';
import { Progress } from './progress';

/** `import claims.jsonl [--dry-run]`: the format follows the file's extension. */
export async function importCommand(app: INestApplicationContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  const [file] = positionals;
  if (!file) throw new Error('usage: npm run import -- FILE.csv|FILE.jsonl [--dry-run]');
  const format = /\.csv$/i.test(file) ? 'csv' : /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : null;
  if (!format) throw new Error(`${file}: the name must end in .csv, .jsonl or .ndjson`);
  const dryRun = values['dry-run'] as boolean;

  let progress: Progress | null = null;
  // The file is streamed from disk (opened again if the transaction has to run again), never held whole; the bar counts bytes read.
  const size = statSync(file).size;
  let bytesRead = 0;
  const input = async function* () {
    bytesRead = 0;
    for await (const chunk of utf8Chunks(createReadStream(file))) {
      bytesRead += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  };
  try {
    const report = await app.get(ImportService).run(input, {
      format,
      dryRun,
      actor: SYSTEM_ACTOR,
      onProgress: (rows) => {
        progress ??= new Progress(size, 'bytes');
        progress.update(bytesRead, rows);
      },
      // On a busy variable this step takes a while after the bar is full; say what is happening.
      onDeriving: (claims) => {
        (progress as Progress | null)?.stop();
        progress = null;
        if (claims) console.error(`working out sourcing and discrepancies for ${claims} new claims...`);
      },
    });
    (progress as Progress | null)?.stop();
    console.error(
      `${dryRun ? 'dry run (nothing written): ' : ''}${report.rows} rows, ${report.claims} claims: ${report.claimsCreated} created, ${report.claimsUnchanged} unchanged, ${report.attributionsCreated} attributions`,
    );
    return 0;
  } catch (error) {
    (progress as Progress | null)?.stop();
    if (!(error instanceof ImportRejectedError)) throw error;
    for (const e of error.errors) console.error(`${file}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
    console.error(`import refused: ${error.errors.length} problem(s); nothing was written`);
    return 1;
  }
}
