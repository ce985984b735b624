import { ASTNode, GraphQLError, Kind, parse, visit } from 'graphql';

/** Where an inline value stands: its argument, and the path inside that argument's value ([] for the whole value). */
interface ValuePlace {
  argument: string;
  path: string[];
}

// The validation errors that are about a value the client wrote inline, and what each says of it.
const WRONG_VALUE = /^Expected value of type "[^"]+", found .*?(?:; (.+))?$|^(.* cannot represent .*|Value "[^"]*" does not exist in "[^"]+" enum\..*)$/s;
const MISSING_FIELD = /^Field "(?:\w+\.)?([^"]+)" of required type "[^"]+" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "[^"]+" is not defined by type "[^"]+"\./;

/**
 * `{ field, message }` for a validation error about a value written inline in the document, named the way a
 * variable's value is (relative to the argument: `{ claims(filter: { eventFrom: "2019-02-30" }) }` names
 * `eventFrom`, a bad figure in `logClaim(input: ...)` names `quantities.0.lower`; the argument itself when the
 * value is the whole argument). graphql-js says only where in the text the value stands; this finds it again in
 * the document. Null when the error is not about a value, or the value cannot be found.
 */
export function literalValueFieldError(message: string, error: unknown): { field: string; message: string } | null {
  const wrong = WRONG_VALUE.exec(message);
  const missing = MISSING_FIELD.exec(message);
  if (!wrong && !missing && !UNKNOWN_FIELD.test(message)) return null;
  const place = placeOf(error);
  if (!place) return null;
  if (missing) return { field: [...place.path, missing[1]].join('.'), message: 'is required' };
  const field = place.path.length ? place.path.join('.') : place.argument;
  if (!wrong) return { field, message: 'is not a field of this input' };
  return { field, message: wrong[1] ?? wrong[2] ?? message };
}

function placeOf(error: unknown): ValuePlace | null {
  if (!(error instanceof GraphQLError) || !error.source || !error.nodes?.length) return null;
  const at = error.nodes[0].loc?.start;
  const kind = error.nodes[0].kind;
  if (at === undefined) return null;
  let document;
  try {
    document = parse(error.source);
  } catch {
    return null;
  }
  let found: ValuePlace | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found || node.kind !== kind || node.loc?.start !== at) return undefined;
      // graphql-js's ancestors stop before the parent.
      found = placeIn([...(ancestors as ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>), parent as ASTNode | ReadonlyArray<ASTNode>, node]);
      return false;
    },
  });
  return found;
}

/** From the nearest argument down: object field names and list positions. */
function placeIn(chain: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): ValuePlace | null {
  const nodes = chain.filter((n): n is ASTNode => !Array.isArray(n));
  const start = nodes.findLastIndex((n) => n.kind === Kind.ARGUMENT);
  const argument = nodes[start];
  if (argument?.kind !== Kind.ARGUMENT) return null;
  const path: string[] = [];
  for (let i = start + 1; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
    if (node.kind === Kind.LIST && i + 1 < nodes.length) path.push(String(node.values.indexOf(nodes[i + 1] as never)));
  }
  return { argument: argument.name.value, path };
}
