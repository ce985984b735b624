import { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { flattenValidationErrors } from '../common/validation';
import { EXPORT_QUERY_FIELDS, ExportQueryDto, splitExportQuery } from '../exports/dto/export-query.dto';
import { ExportFormat, ExportService } from '../exports/export.service';
import { WritableSink } from '../exports/writable-sink';
import { Progress } from './progress';

/** Every filter of the HTTP export (and so of GraphQL's claims filter), as an option of the same name. */
const FILTERS = [...EXPORT_QUERY_FIELDS.keys()];

/** `export --format csv --out claims.csv --status CONFIRMED`: the HTTP export's filters, as options of the same names. */
export async function exportCommand(app: INestApplicationContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' }, ...Object.fromEntries(FILTERS.map((f) => [f, { type: 'string' as const }])) },
  });
  const given = values as Record<string, string | undefined>;
  const format = values.format as ExportFormat;
  if (format !== 'csv' && format !== 'jsonl' && format !== 'parquet') throw new Error('--format must be csv, jsonl or parquet');
  const query = plainToInstance(ExportQueryDto, Object.fromEntries(FILTERS.filter((f) => given[f] !== undefined).map((f) => [f, given[f]])));
  const errors = flattenValidationErrors(validateSync(query, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length) throw new Error(errors.map((e) => `--${e.field}: ${e.message}`).join('\n'));
  const { filter, profile } = splitExportQuery(query);

  const service = app.get(ExportService);
  const progress = new Progress(await service.countClaims(filter), 'claims');
  const out = values.out ? createWriteStream(values.out as string) : process.stdout;
  const summary = await service.run({ format, profile, filter, generatedAt: new Date() }, new WritableSink(out), (p) => progress.update(p.claims, p.rows));
  progress.stop();
  console.error(`exported ${summary.rows} rows (${summary.claims} claims) as ${format}${values.out ? ` to ${values.out}` : ''} in ${progress.seconds()} s, ${progress.rate(summary.rows)} rows/s`);
  return summary.complete ? 0 : 1;
}
