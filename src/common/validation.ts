import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadInputError, FieldError } from './errors';
import { NUL_MESSAGE, nulPaths } from './validators';

/**
 * Flattens nested class-validator errors into `{field: "input.quantities.0.lower", message}` pairs.
 * Every class-validator message a user can see passes here (the API's pipe, import rows, export and
 * CLI filters), so its wording is mended here once.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A rule that fires on a missing value means the value is required; its type and length rules say nothing more.
    const missing = error.value === undefined || error.value === null;
    const constraints = missing && error.constraints && !error.constraints.whitelistValidation ? { isDefined: REQUIRED } : relevantConstraints(error.constraints ?? {});
    const own = Object.entries(constraints).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? UNKNOWN_PROPERTY : agreeCounts(stripProperty(message, error.property)),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const REQUIRED = 'is required';
/** What the whitelist's "property x should not exist" means to someone who sent x. */
const UNKNOWN_PROPERTY = 'is not a field or parameter this accepts';
/** Rules about a value's type: when one fails, its range rules ("must not be less than 0") say nothing more. */
const TYPE_RULES = new Set(['isInt', 'isNumber', 'isBoolean', 'isDate', 'isString', 'isUUID', 'isEnum', 'isIn']);

function relevantConstraints(constraints: Record<string, string>): Record<string, string> {
  const types = Object.entries(constraints).filter(([rule]) => TYPE_RULES.has(rule));
  return types.length ? Object.fromEntries(types) : constraints;
}

/** A count of exactly one, not part of a larger number ("11", "2,001", "0.1"), before a plural noun. */
const ONE_OF_PLURAL = /(?<![\d.,-])1 (element|character|value|item|byte|digit|word|line|decimal place)s\b/g;

/**
 * class-validator words a count the same for every number: "must contain at least 1 elements", "must be
 * longer than or equal to 1 characters" (ArrayMinSize, ArrayMaxSize, MinLength, MaxLength, Length, and
 * `each` rules). A count of one takes the singular noun; other counts keep the plural.
 */
export function agreeCounts(message: string): string {
  return message.replace(ONE_OF_PLURAL, '1 $1');
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * Every argument of every resolver and REST route passes here, so rules that hold for all text are
 * declared once: a string holding U+0000 is refused, naming its path, before any DTO is built.
 * Custom parameters (the actor, the raw request) are the server's own and are not scanned.
 */
class InputPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const paths = nulPaths(value);
      if (paths.length) throw new BadInputError(paths.map((path) => ({ field: path || metadata.data || 'value', message: NUL_MESSAGE })));
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => new BadInputError(flattenValidationErrors(errors)),
  });
}
