import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator, ValidationArguments } from 'class-validator';
import { readDateTime } from './date-time';

/** Trims strings before validation so "   " fails @IsNotEmpty and stored text has no stray spaces. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each string of a list. */
export const TrimEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

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
