import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';

/**
 * `npm ci` on the oldest Node the project supports must not print EBADENGINE: every locked package's
 * `engines.node` has to accept it (npm overrides in package.json pin transitive ones that would not).
 */
describe('locked packages and the supported Node version', () => {
  const root = join(__dirname, '..');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const oldest = minVersion(manifest.engines.node)!.version;

  it(`every package in package-lock.json runs on Node ${oldest}`, () => {
    const refusing = Object.entries<{ engines?: { node?: string } | string[] }>(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !satisfies(oldest, (entry.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path, entry]) => `${path} (node ${(entry.engines as { node: string }).node})`);
    expect(refusing).toEqual([]);
  });
});
