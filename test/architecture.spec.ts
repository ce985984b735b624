import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Rules on how src/ is put together that the compiler does not check. */
describe('architecture', () => {
  const root = join(__dirname, '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const sources = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
  const folderOf = (path: string) => (path.includes('/') ? path.split('/')[0] : '(root)');
  /** The folders a file imports from, by its relative imports. */
  const importedFolders = (path: string, text: string) =>
    [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => folderOf(relative(root, join(root, path, '..', m[1]))));

  it('reads process.env only in src/config', () => {
    const readers = sources.filter((s) => folderOf(s.path) !== 'config' && /process\.env/.test(s.text)).map((s) => s.path);
    expect(readers).toEqual([]);
  });

  /** What each shared folder may build on: nothing domain-specific, so every domain folder can use it without a cycle. */
  const ALLOWED: Record<string, string[]> = { core: ['core'], config: ['config'], common: ['common', 'core', 'config'] };

  it.each(Object.keys(ALLOWED))('keeps src/%s to its own layer (common builds on core and config; database and the domains build on common)', (folder) => {
    const offenders = sources
      .filter((s) => folderOf(s.path) === folder)
      .flatMap((s) => importedFolders(s.path, s.text).filter((f) => !ALLOWED[folder].includes(f)).map((f) => `${s.path} imports ${f}`));
    expect(offenders).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // Guards the two rules above against a path mistake that would make them pass on nothing.
    expect(sources.length).toBeGreaterThan(100);
    expect(importedFolders('database/base.entity.ts', "import { newId } from '../common/ids';")).toEqual(['common']);
  });
});
