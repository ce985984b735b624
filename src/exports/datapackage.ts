import { ColumnDef, ColumnType, ExportProfile, QUANTITY_COLUMNS, columnsFor } from './export-columns';

/**
 * The Frictionless Data Package descriptor (Table Schema) of the export, generated from the same
 * column declarations as the codebook and the CSV header, so it cannot drift from them.
 * docs/datapackage.json is this descriptor for the full profile (a test compares them). Paths are
 * relative: served at /exports/datapackage.json they name /exports/claims.csv, and inside a bundle
 * the files beside it.
 */
const TABLE_TYPE: Record<ColumnType, string> = {
  text: 'string',
  enum: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'date',
  list: 'array',
};

export interface TableField {
  name: string;
  type: string;
  format?: string;
  description: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; enum?: readonly string[] };
}

export function tableField(column: ColumnDef): TableField {
  const field: TableField = { name: column.name, type: TABLE_TYPE[column.type], description: column.doc };
  // Times carry milliseconds (2019-02-18T12:00:00.000Z), which Table Schema's default datetime pattern does not.
  if (column.type === 'datetime') field.format = 'any';
  if (column.type === 'boolean') Object.assign(field, { trueValues: ['true'], falseValues: ['false'] });
  const constraints: TableField['constraints'] = {};
  if (column.required) constraints.required = true;
  if (column.values) constraints.enum = column.values;
  if (Object.keys(constraints).length) field.constraints = constraints;
  return field;
}

function resource(name: string, path: string, columns: readonly ColumnDef[], primaryKey: string | string[], description: string) {
  return {
    name,
    path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    description,
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: columns.map(tableField), missingValues: [''], primaryKey },
  };
}

export function dataPackage(profile: ExportProfile = 'full'): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: profile === 'ucdp' ? 'claimdesk-claims-ucdp' : 'claimdesk-claims',
    title: 'claimdesk claims export',
    description:
      'Who said what in conflict reporting: claims with their attributions, sources, relay chains and figures. ' +
      'Column meanings, best/low/high and precision codes: the codebook (codebook.md, or /exports/codebook).',
    resources: [
      profile === 'ucdp'
        ? resource('claims', 'claims.csv', columnsFor('ucdp'), 'id', 'UCDP-GED-style columns, one row per claim-attribution (profile=ucdp).')
        : resource('claims', 'claims.csv', columnsFor('full'), 'row_id', 'One row per live attribution of each claim; a claim without attribution has one row.'),
      resource('quantities', 'quantities.csv', QUANTITY_COLUMNS, ['claim_id', 'position'], 'Every reported figure, one row each; join to claims on claim_id.'),
    ],
  };
}

export function renderDataPackage(profile: ExportProfile = 'full'): string {
  return `${JSON.stringify(dataPackage(profile), null, 2)}\n`;
}
