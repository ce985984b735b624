import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadInputError, FieldError } from './errors';

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

/** GqlParamtype.ARGS: GraphQL parameters reach pipes with numeric types (ROOT 0, CONTEXT 1, INFO 2, ARGS 3); the enum is not exported. */
const GRAPHQL_ARGS = 3;

/**
 * Validates what clients send: GraphQL arguments and HTTP body, query and path parameters.
 * A resolver's parent, context and info are the server's own objects; a global pipe would
 * otherwise transform and validate every parent of every field resolver, on every row.
 */
export class InputValidationPipe extends ValidationPipe {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async transform(value: any, metadata: ArgumentMetadata): Promise<any> {
    const type = metadata.type as unknown;
    if (typeof type === 'number' && type !== GRAPHQL_ARGS) return value;
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => new BadInputError(flattenValidationErrors(errors)),
  });
}
