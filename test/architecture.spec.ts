import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A cycle in a graph of folders, as the list of folders walked (first repeated last), or null. Depth-first, with the
 * folders sorted, so that the cycle printed is the same from run to run.
 */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Rules on how src/ is put together that the compiler does not check. */
describe('architecture', () => {
  const root = join(__dirname, '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const sources = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
  /**
   * The folder a file of src/ belongs to: its top folder, or (root) for the app's own files. The migrations are a
   * folder of their own: they are history, listed only by src/data-source-options.ts beside the entities, and a data
   * migration files rows with the domain's own code (FigureSpan), so they sit above the domains, not in database/.
   */
  const folderOf = (path: string) => (path.startsWith('database/migrations/') ? 'database/migrations' : path.includes('/') ? path.split('/')[0] : '(root)');
  /** The file (as a path in src/) a relative import names: a folder stands for its index.ts. */
  const importedPath = (path: string, specifier: string) => {
    const target = join(root, path, '..', specifier);
    return relative(root, existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.ts') : target);
  };
  /** The folders a file imports from, by its relative imports of every kind: `import type`, `export … from`, `import('…')` in a type, bare `import '…'`. */
  const importedFolders = (path: string, text: string) =>
    [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => folderOf(importedPath(path, m[1])));
  /** Which folders each folder's files import from (itself left out). */
  const folderGraph = () => {
    const graph = new Map<string, Set<string>>();
    for (const s of sources) {
      const from = folderOf(s.path);
      const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
      for (const to of importedFolders(s.path, s.text)) if (to !== from) edges.add(to);
    }
    return graph;
  };
  /** The files behind one edge of the folder graph, for the failure message. */
  const importsBetween = (from: string, to: string) =>
    sources.filter((s) => folderOf(s.path) === from && importedFolders(s.path, s.text).includes(to)).map((s) => s.path);

  it('reads process.env only in src/config', () => {
    const readers = sources.filter((s) => folderOf(s.path) !== 'config' && /process\.env/.test(s.text)).map((s) => s.path);
    expect(readers).toEqual([]);
  });

  /** What each shared folder may build on: nothing domain-specific, so every domain folder can use it without a cycle. */
  const ALLOWED: Record<string, string[]> = {
    core: ['core'],
    config: ['config'],
    common: ['common', 'core', 'config'],
    // The entities and the migrations are listed at the root (src/entities.ts, src/data-source-options.ts), not here.
    database: ['database', 'common', 'core', 'config'],
  };

  it.each(Object.keys(ALLOWED))('keeps src/%s to its own layer (common builds on core and config, database on common, the domains on database)', (folder) => {
    const offenders = sources
      .filter((s) => folderOf(s.path) === folder)
      .flatMap((s) => importedFolders(s.path, s.text).filter((f) => !ALLOWED[folder].includes(f)).map((f) => `${s.path} imports ${f}`));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between the folders of src/', () => {
    const cycle = findCycle(folderGraph());
    // Each step of the cycle with the files that make it, so that the message says where to cut.
    const steps = cycle?.slice(1).map((to, i) => `${cycle[i]} -> ${to} (${importsBetween(cycle[i], to).join(', ')})`);
    expect(steps ?? []).toEqual([]);
  });

  it('finds a cycle where there is one, and none where there is none', () => {
    const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: [] }))).toBeNull();
    expect(findCycle(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toBeNull();
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(graph({ x: ['y'], y: ['z'], z: ['y'] }))).toEqual(['y', 'z', 'y']);
  });

  it('sees the imports it checks', () => {
    // Guards the two rules above against a path mistake that would make them pass on nothing.
    expect(sources.length).toBeGreaterThan(100);
    expect(importedFolders('database/base.entity.ts', "import { newId } from '../common/ids';")).toEqual(['common']);
    // Type-only imports, re-exports, types by import(), a folder's index and the migrations' own node count too.
    const text = [
      "import type { Actor } from '../core/actor';",
      "export { Role } from '../core/role';",
      "let x: import('../claims/claim.entity').Claim;",
      'import { extract } from "../extraction";',
      "import '../database/migrations/sqlite';",
    ].join('\n');
    expect(importedFolders('audit/audit.service.ts', text)).toEqual(['core', 'core', 'claims', 'extraction', 'database/migrations']);
    expect(folderGraph().get('(root)')?.has('claims')).toBe(true);
  });
});
