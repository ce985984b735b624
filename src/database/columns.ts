import { ColumnOptions, ValueTransformer } from 'typeorm';
import { databaseKind } from '../config/settings';

/**
 * Portable column helpers, in the manner of Vendure: entities declare intent and the
 * helper picks the type each driver stores faithfully.
 */
export function timestampColumn(options: ColumnOptions = {}): ColumnOptions {
  return { type: databaseKind() === 'postgres' ? 'timestamptz' : 'datetime', ...options };
}

/** Drivers return DECIMAL as strings to preserve precision; the domain works in numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value?: number | null) => (value === undefined || value === null ? value : value),
  from: (value?: string | number | null) =>
    value === undefined || value === null ? null : typeof value === 'number' ? value : Number(value),
};

export function decimalColumn(options: ColumnOptions = {}): ColumnOptions {
  return { type: 'decimal', transformer: decimalTransformer, ...options };
}
