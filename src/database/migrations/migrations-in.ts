import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/** A migration's file as TypeORM's generator names it: a 13-digit timestamp, a dash, the name. */
const MIGRATION_FILE = /^(\d{13}-[A-Za-z0-9_]+)\.(ts|js)$/;

/**
 * The migration classes of one folder, read from the folder itself rather than from a hand-kept list, so a generated
 * migration runs once its file is there. Loaded with `require`, which ts-node, Jest's transform and the compiled
 * dist/ all serve; the files of this module's own kind (.ts from the sources, .js from dist/) are the ones loaded,
 * so a folder holding both never yields a migration twice. In timestamp order, the order TypeORM applies them in.
 */
export function migrationsIn(folder: string): Function[] {
  const kind = extname(__filename);
  const files = readdirSync(folder)
    .map((name) => MIGRATION_FILE.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && `.${m[2]}` === kind)
    .map((m) => m[0])
    .sort();
  return files.flatMap((file) => {
    const classes = Object.values(require(join(folder, file)) as Record<string, unknown>).filter(isMigrationClass);
    if (classes.length !== 1) throw new Error(`${join(folder, file)} must export exactly one migration class (found ${classes.length})`);
    return classes;
  });
}

/** A class with an `up` (a file may export helpers beside it: ClaimTextMatching's CLAIM_FTS). */
function isMigrationClass(value: unknown): value is Function {
  return typeof value === 'function' && typeof (value.prototype as { up?: unknown } | undefined)?.up === 'function';
}
