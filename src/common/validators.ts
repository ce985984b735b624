import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidationOptions, registerDecorator, ValidationArguments } from 'class-validator';
import { readDateTime } from './date-time';

/** Trims strings before validation so "   " fails @IsNotEmpty and stored text has no stray spaces. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each string of a list. */
export const TrimEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** A list of at most `maxItems` short texts (conditions, speakers' names), each trimmed and non-empty. */
export const ShortTextList = (maxItems = 20, maxLength = 300) =>
  applyDecorators(IsArray(), ArrayMaxSize(maxItems), TrimEach(), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(maxLength, { each: true }));

/** `property` must not be smaller than the sibling `other` when both are present. */
export function NotBefore(other: string, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'notBefore',
      target: object.constructor,
      propertyName,
      constraints: [other],
      options: { message: `must not be before ${other}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[other];
          if (value === null || value === undefined || start === null || start === undefined) return true;
          return toNumber(value) >= toNumber(start);
        },
      },
    });
}

function toNumber(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

/**
 * PostgreSQL text cannot hold U+0000 and SQLite can: refused in every string a client sends, on both
 * databases alike, by the global validation pipe (common/validation.ts) and the import reader.
 */
export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The paths ("quantities.0.unit", "" for `value` itself) of every string inside `value` holding U+0000. */
export function nulPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, join(path, String(i))));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => [...(key.includes('\u0000') ? [join(path, key)] : []), ...nulPaths(item, join(path, key))]);
  }
  return [];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  // GraphQL hands over input objects without a prototype; DTO instances are not reached (the pipe scans raw args).
  return proto === null || proto === Object.prototype;
}

/**
 * A DECIMAL(precision, scale) column: what it can hold is declared here once, for the entity's column
 * and for the inputs that fill it, so both databases store the same figure or both refuse it
 * (PostgreSQL overflows at 10^(precision-scale) and rounds extra decimals; SQLite does neither).
 */
export interface DecimalSpec {
  precision: number;
  scale: number;
}

export const QUANTITY_DECIMAL: DecimalSpec = { precision: 24, scale: 6 };
export const COORDINATE_DECIMAL: DecimalSpec = { precision: 9, scale: 6 };

/** The magnitude a DECIMAL(precision, scale) column stays below. */
export function decimalLimit(spec: DecimalSpec): number {
  return 10 ** (spec.precision - spec.scale);
}

/** `value` written with at most `scale` decimals gives `value` back. */
export function fitsScale(value: number, scale: number): boolean {
  return Number(value.toFixed(scale)) === value;
}

/** The number must be storable exactly in a column of this spec: below its limit, with at most its decimals. */
export function FitsDecimal(spec: DecimalSpec, options?: ValidationOptions) {
  const limit = decimalLimit(spec);
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'fitsDecimal',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || !Number.isFinite(value) || (Math.abs(value) < limit && fitsScale(value, spec.scale)),
        defaultMessage: (args?: ValidationArguments) => {
          const value = args?.value as number;
          return Math.abs(value) >= limit
            ? `must be less than ${limit.toExponential().replace('e+', 'e')} (the largest figure stored)`
            : `must have at most ${spec.scale} decimal places (the finest figure stored)`;
        },
      },
    });
}

/** Rounds to the column's decimals before validation, for values where finer input is meaningless (coordinates). */
export const RoundTo = (spec: DecimalSpec) =>
  Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(spec.scale)) : value));

/**
 * A time in a query string, read by the one rule in date-time.ts: becomes a Date, or stays text
 * that IsDateTime then refuses with the rule's own words.
 */
export const ToDateTime = () =>
  Transform(({ value }) => {
    const result = readDateTime(value);
    return 'date' in result ? result.date : value;
  });

export function IsDateTime(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateTime',
      target: object.constructor,
      propertyName,
      options: {
        message: ({ value }: ValidationArguments) => {
          const result = readDateTime(value);
          return 'problem' in result ? result.problem : 'must be a date-time';
        },
        ...options,
      },
      validator: { validate: (value: unknown) => value instanceof Date },
    });
}
