import { Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { stack } from '../common/input-fields';
import { Trim } from '../common/validators';
import { DECLARED_ENTRIES, DeclaredColumn, designTypeOf } from './declared-columns';

/** The GraphQL and validation side of the declared columns (declared-columns.ts), applied to the classes that show them. */

const graphqlTypeOf = (column: DeclaredColumn) => (column.kind === 'text' ? String : column.kind === 'integer' ? Int : Boolean);

/** A value's rules: the same for an input and a filter. */
function rulesOf(column: DeclaredColumn): Array<(target: object, property: string) => void> {
  switch (column.kind) {
    case 'text':
      return [Trim(), IsString(), IsNotEmpty(), MaxLength(column.max)];
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

/** Each declared column as an optional input field with its rules (null clears it on update). */
export function declareInputFields(target: Function): void {
  for (const [name, column] of DECLARED_ENTRIES) {
    declare(target, name, column, stack(Field(() => graphqlTypeOf(column), { nullable: true, description: column.description }), IsOptional(), ...rulesOf(column)));
  }
}

/** Each declared filter as an optional field of the claims filter, under its column's name. */
export function declareFilterFields(target: Function): void {
  for (const [name, column] of DECLARED_ENTRIES) {
    if (!column.filter) continue;
    declare(target, name, column, stack(Field(() => graphqlTypeOf(column), { nullable: true, description: column.filter.description }), IsOptional(), ...rulesOf(column)));
  }
}
