import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { NotBefore, Trim } from './validators';

/**
 * Decorators written as one stack, top first, and applied as TypeScript applies a stack (bottom first): class-validator
 * then keeps its constraints, and so the order of the messages a bad field gets, as if they were written out.
 */
export function stack(...decorators: Array<(target: object, property: string) => void>): (target: object, property: string) => void {
  return applyDecorators(...([...decorators].reverse() as PropertyDecorator[]));
}

/** Optional trimmed text of at most `max` characters: absent or null is allowed, empty or blank is not. */
export const OptionalText = (max: number, description?: string) =>
  stack(Field(() => String, { nullable: true, description }), IsOptional(), Trim(), IsString(), IsNotEmpty(), MaxLength(max));

/** Required trimmed text of at most `max` characters. */
export const RequiredText = (max: number, description?: string) => stack(Field({ description }), Trim(), IsString(), IsNotEmpty(), MaxLength(max));

export const VERSION_DESCRIPTION = 'The version you edited; a stale one is refused with CONFLICT.';

/** The version a write was based on (optimistic concurrency, common/versioned-update.ts); absent: no check. */
export const VersionField = (description = VERSION_DESCRIPTION) => stack(Field(() => Int, { nullable: true, description }), IsOptional(), IsInt(), Min(1));

/** The start of a time range: optional. */
export const RangeFrom = (description?: string) => stack(Field(() => Date, { nullable: true, description }), IsOptional(), IsDate());

/** The end of a time range: optional, and not before the range's `from`. */
export const RangeTo = (description?: string) => stack(Field(() => Date, { nullable: true, description }), IsOptional(), IsDate(), NotBefore('from'));

/** What a mixin may extend (TypeScript's mixin rule wants exactly this constructor type). */
type Class = new (...args: any[]) => object;

/**
 * An edit of one row: Base's fields, then the row's id and the version the edit was based on. A mixin, because the
 * edits already extend their domain's fields (ArticleFieldsInput, SourceFieldsInput…); `Versioned()` alone is the
 * id and version with nothing before them.
 */
export function Versioned<TBase extends Class>(Base: TBase = class {} as TBase) {
  @InputType({ isAbstract: true })
  class VersionedInput extends Base {
    @Field(() => ID)
    @IsUUID()
    id: string;

    @VersionField()
    version?: number;
  }
  return VersionedInput;
}
