import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadInputError, FieldError } from './errors';
import { NUL_MESSAGE, nulPaths } from './validators';

/** Flattens nested class-validator errors into `{field: "input.quantities.0.lower", message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: stripProperty(message, error.property) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
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
