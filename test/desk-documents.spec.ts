import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

/**
 * The desk's GraphQL documents (web/src, typed by gql.tada) must stay valid against schema.gql:
 * an API change that breaks a desk screen fails here, in `npm test`, as well as in `npm run build:web`.
 */
const WEB_SRC = join(__dirname, '..', 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function documents(): Array<{ file: string; text: string }> {
  return sourceFiles(WEB_SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)].map((m) => ({ file, text: m[1] })));
}

describe('desk documents', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));

  it('finds the desk screens’ documents', () => {
    expect(documents().length).toBeGreaterThan(20);
  });

  it('validates every desk document against schema.gql', () => {
    const problems = documents().flatMap(({ file, text }) => validate(schema, parse(text)).map((e) => `${file}: ${e.message}`));
    expect(problems).toEqual([]);
  });

  it('would catch a field the schema does not have', () => {
    expect(validate(schema, parse('{ claims { nodes { statuz } } }')).map((e) => e.message)).toEqual([expect.stringContaining('statuz')]);
  });
});
