import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isDevelopment } from '../config/settings';
import { unavailableFrom } from './connection-errors';
import { describeError } from './error-log';
import { literalValueFieldError } from './literal-value-errors';
import { DomainError, QueryTooComplexError } from './errors';
import { sendDomainError, sendUnexpectedError } from './http-errors';

/**
 * The one place where domain error codes leave the server: as GraphQL `extensions.code` on
 * /graphql, and as JSON with the matching HTTP status on the REST routes (exports, imports).
 * A lost database connection becomes the retryable SERVICE_UNAVAILABLE; anything else goes on
 * as Nest and Apollo would treat it.
 */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    const domain = error instanceof DomainError ? error : unavailableFrom(error);
    if (domain) return host.getType() === 'http' ? sendDomainError(domain, host) : toGraphQLError(domain);
    // Everything else is handed on unprinted: Nest's own handler would log the error object whole,
    // SQL parameters and driver detail included. formatGraphQLError and sendUnexpectedError log it safely.
    if (host.getType() === 'http') return sendUnexpectedError(error, host);
    return error instanceof Error ? error : new Error('non-error thrown');
  }
}

export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
}

const VARIABLE_PATH = /Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; (.*)$/s;
const VARIABLE_ROOT = /Variable "\$(\w+)" got invalid value .*?; (.*)$/s;
// A required variable left out, or sent as null: the variable is the whole value, so it names the field.
const VARIABLE_MISSING = /Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (was not provided|must not be null)\./;
// graphql-js puts 'Expected type "DateTime". ' before a scalar's own reason; the reason alone reads better.
const TYPE_PREAMBLE = /^Expected type "[^"]+"\. (?=\S)/;
const TYPE_PREAMBLE_INSIDE = /; Expected type "[^"]+"\. (?=\S)/;

/**
 * Shapes every error leaving the server: GraphQL's own input-coercion errors get the same
 * `{field, message}` list as ours, and unexpected errors are masked outside development.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const development = isDevelopment();
  // Field resolvers run without Nest's exception filters, so their domain errors are mapped here.
  const unwrapped = unwrap(error);
  const original = unwrapped instanceof DomainError ? unwrapped : unavailableFrom(unwrapped);
  if (original) {
    formatted = { ...formatted, message: original.message, extensions: toGraphQLError(original).extensions };
  }
  // Apollo's parser stops at the token limit (parseOptions.maxTokens): the same refusal the direct path gives. (graphql-js
  // 16 words it "more that".)
  const overTokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (overTokens) {
    const refusal = new QueryTooComplexError('tokens', Number(overTokens[1]), Number(overTokens[1]) + 1);
    formatted = { message: refusal.message, extensions: toGraphQLError(refusal).extensions };
  }
  const code = formatted.extensions?.code as string | undefined;
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  if (!development) delete extensions.stacktrace;

  if (code === 'BAD_USER_INPUT' && !extensions.fields) {
    const match = VARIABLE_PATH.exec(formatted.message) ?? VARIABLE_ROOT.exec(formatted.message);
    // The field at fault inside the value: one it does not know, or a required one it lacks.
    const unknownField = /Field "([^"]+)" (?:is not defined by type|of required type "[^"]+" was not provided)/.exec(formatted.message);
    if (match) {
      // Paths start with the variable's name ("input.kind"); ours are relative to the input, like class-validator's.
      const path = match.length === 4 ? match[2].replace(/\[(\d+)\]/g, '.$1') : match[1];
      const field = match.length === 4 ? path.split('.').slice(1).join('.') || match[1] : path;
      const prefix = match.length === 4 ? `${field}.` : '';
      extensions.fields = [{ field: unknownField ? `${prefix}${unknownField[1]}`.replace(/^\./, '') : field, message: match[match.length - 1].replace(TYPE_PREAMBLE, '') }];
      formatted = { ...formatted, message: formatted.message.replace(TYPE_PREAMBLE_INSIDE, '; ') };
    } else {
      const missing = VARIABLE_MISSING.exec(formatted.message);
      if (missing) extensions.fields = [{ field: missing[1], message: missing[2] === 'was not provided' ? 'is required' : 'must not be null' }];
    }
  }
  // The same value written inline instead of in a variable: still GRAPHQL_VALIDATION_FAILED, with the field named.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && !extensions.fields) {
    const inline = literalValueFieldError(formatted.message, error);
    if (inline) extensions.fields = [inline];
  }
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    Logger.error(describeError(unwrap(error)), 'GraphQL');
    if (!development) return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...formatted, extensions };
}

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
