import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodebook } from '../src/exports/codebook';
import { dataPackage, renderDataPackage } from '../src/exports/datapackage';
import { FULL_COLUMNS, QUANTITY_COLUMNS, UCDP_COLUMNS } from '../src/exports/export-columns';

const REGENERATE = 'regenerate: npx ts-node --transpile-only src/scripts/generate-codebook.ts';

describe('docs/codebook.md and docs/datapackage.json', () => {
  it(`match the column definitions (${REGENERATE})`, () => {
    expect(readFileSync(join(__dirname, '..', 'docs', 'codebook.md'), 'utf8')).toBe(renderCodebook());
    expect(readFileSync(join(__dirname, '..', 'docs', 'datapackage.json'), 'utf8')).toBe(renderDataPackage('full'));
  });

  it('describe the same columns in the same order, each table in the codebook and the data package', () => {
    const codebook = renderCodebook();
    for (const [profile, columns] of [['full', FULL_COLUMNS], ['ucdp', UCDP_COLUMNS]] as const) {
      const resources = dataPackage(profile).resources as Array<{ name: string; schema: { fields: Array<{ name: string; type: string; description: string }> } }>;
      const claims = resources.find((r) => r.name === 'claims')?.schema.fields ?? [];
      expect(claims.map((f) => f.name)).toEqual(columns.map((c) => c.name));
      expect(claims.map((f) => f.description)).toEqual(columns.map((c) => c.doc));
      expect(resources.find((r) => r.name === 'quantities')?.schema.fields.map((f) => f.name)).toEqual(QUANTITY_COLUMNS.map((c) => c.name));
    }
    for (const c of [...FULL_COLUMNS, ...UCDP_COLUMNS, ...QUANTITY_COLUMNS]) expect(codebook).toContain(`\`${c.name}\` | ${c.type} |`);
    const fields = (dataPackage('full').resources as any[])[0].schema.fields as Array<Record<string, any>>;
    expect(fields.find((f) => f.name === 'status')).toMatchObject({ type: 'string', constraints: { required: true, enum: expect.arrayContaining(['UNVERIFIED', 'CONFIRMED']) } });
    expect(fields.find((f) => f.name === 'relay_chain')).toMatchObject({ type: 'array' });
    expect(fields.find((f) => f.name === 'circular')).toMatchObject({ type: 'boolean', trueValues: ['true'], falseValues: ['false'] });
  });
});
