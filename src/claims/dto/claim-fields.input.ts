import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Trim, TrimEach } from '../../common/validators';
import type { DeclaredInputs } from '../declared-columns';
import { declareInputFields } from '../declared-fields';
import { EventTimeInput } from './event-time.input';
import { PlaceInput } from './place.input';
import { QuantityInput } from './quantity.input';

export const STATEMENT_MAX = 2000;
export const TAGS_MAX = 30;
/** A tag, once trimmed. */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,59}$/u;
/** Figures per claim (imports/import-row.ts validates fewer part by part). */
export const QUANTITIES_MAX = 20;

@InputType({ isAbstract: true })
export class ClaimFieldsInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @TrimEach()
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be 1 to 60 letters, digits, spaces, - or _' })
  tags?: string[];

  @Field(() => PlaceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceInput)
  place?: PlaceInput | null;

  @Field(() => EventTimeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventTimeInput)
  eventTime?: EventTimeInput | null;

  @Field(() => [QuantityInput], { nullable: true, description: 'Replaces all quantities when given.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUANTITIES_MAX)
  @ValidateNested({ each: true })
  @Type(() => QuantityInput)
  quantities?: QuantityInput[];
}

/** The typed-in plain columns (hedge…), declared once in declared-columns.ts. */
export interface ClaimFieldsInput extends DeclaredInputs {}
declareInputFields(ClaimFieldsInput);

@InputType()
export class CreateClaimInput extends ClaimFieldsInput {
  @Field({ description: 'One checkable proposition, in the reporter\'s words.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(STATEMENT_MAX)
  statement: string;
}

/** What logClaim and acceptSuggestion share: a new claim, or the attributions added to one already recorded. */
@InputType({ isAbstract: true })
export class AttachableClaimInput extends CreateClaimInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Add the attributions and citations to this recorded claim instead of creating one (see similarClaims), under the edit policy. The claim\'s own fields are left as they are; the statement and figures given are not written.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id (a UUID)' })
  attachTo?: string;
}
