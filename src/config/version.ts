import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The running software's name and version, from the package.json above this file (src/config when
 * run from TypeScript, dist/src/config when built), for the provenance of what the service writes.
 */
export function softwareVersion(): { name: string; version: string } {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return { name: pkg.name, version: pkg.version };
    }
    if (dirname(dir) === dir) return { name: 'claimdesk', version: 'unknown' };
  }
}
