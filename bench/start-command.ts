import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start`'s node arguments from package.json (V8 flags, then the script), with `extra` flags
 * after package.json's own so that they override them (the last one wins). Benchmarks start the
 * service this way, so they measure it as it really runs.
 */
export function startArguments(extra: string[] = []): string[] {
  const start: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`expected "npm start" to run node, found: ${start}`);
  const script = args.findIndex((a) => !a.startsWith('-'));
  return [...args.slice(0, script), ...extra, ...args.slice(script)];
}
