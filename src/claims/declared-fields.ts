import { Field, ID, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { stack } from '../common/input-fields';
import { Trim } from '../common/validators';
import { DECLARED_ENTRIES, DeclaredColumn, ONE_LINE, designTypeOf } from './declared-columns';
import { REFERENCE_ENTRIES, REFERENCE_TARGETS, idPropertyOf, rolesText } from './declared-references';

/** The GraphQL and validation side of the declared columns (declared-columns.ts), applied to the classes that show them. */

const graphqlTypeOf = (column: DeclaredColumn) => (column.kind === 'text' ? String : column.kind === 'integer' ? Int : Boolean);

/** A value's rules: the same for an input and a filter. */
function rulesOf(column: DeclaredColumn): Array<(target: object, property: string) => void> {
  switch (column.kind) {
    case 'text':
      return [Trim(), IsString(), IsNotEmpty(), MaxLength(column.max), ...(column.oneLine ? [Matches(ONE_LINE, { message: 'must be one line (no line breaks)' })] : [])];
    case 'integer':
      return [IsInt()];
    case 'boolean':
      return [IsBoolean()];
  }
}

function declare(target: Function, name: string, column: DeclaredColumn, decorator: (target: object, property: string) => void): void {
  Reflect.defineMetadata('design:type', designTypeOf(column), target.prototype, name);
  decorator(target.prototype, name);
}

/** Each declared column as a nullable field of the API's Claim. */
export function declareModelFields(target: Function): void {
  for (const [name, column] of DECLARED_ENTRIES) declare(target, name, column, Field(() => graphqlTypeOf(column), { nullable: true, description: column.description }));
}

/** An id field of a declared reference (declared-references.ts), optional. */
function declareId(target: Function, property: string, description: string): void {
  Reflect.defineMetadata('design:type', String, target.prototype, property);
  stack(Field(() => ID, { nullable: true, description }), IsOptional(), IsUUID('all', { message: 'must be an id (a UUID)' }))(target.prototype, property);
}

/** Each declared column, and each declared reference's id, as an optional input field with its rules (null clears it on update). */
export function declareInputFields(target: Function): void {
  for (const [name, column] of DECLARED_ENTRIES) {
    declare(target, name, column, stack(Field(() => graphqlTypeOf(column), { nullable: true, description: column.description }), IsOptional(), ...rulesOf(column)));
  }
  for (const [name, reference] of REFERENCE_ENTRIES) {
    const noun = REFERENCE_TARGETS[reference.to].noun;
    declareId(target, idPropertyOf(name), `${reference.description} The ${noun}'s id; null clears it. Only ${rolesText(reference.setBy)} may send it.`);
  }
}

/** Each declared filter as an optional field of the claims filter, under its column's name. */
export function declareFilterFields(target: Function): void {
  for (const [name, column] of DECLARED_ENTRIES) {
    if (!column.filter) continue;
    declare(target, name, column, stack(Field(() => graphqlTypeOf(column), { nullable: true, description: column.filter.description }), IsOptional(), ...rulesOf(column)));
  }
  for (const [name, reference] of REFERENCE_ENTRIES) if (reference.filter) declareId(target, idPropertyOf(name), reference.filter);
}
