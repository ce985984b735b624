import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalText } from '../../common/input-fields';
import { Sourcing } from '../sourcing.enum';
import { Stance } from '../../attributions/attribution.enums';
import { NotBefore, Trim } from '../../common/validators';
import { SourceKind } from '../../sources/source.enums';
import { AnonymityFilter, ClaimStatus, DeletedFilter } from '../claim.enums';
import type { DeclaredFilters } from '../declared-columns';
import { declareFilterFields } from '../declared-fields';

@InputType({ description: 'Every field narrows the list; omitted fields do not.' })
export class ClaimFilterInput {
  @OptionalText(200, 'Words in the statement (case-insensitive).')
  search?: string;

  @Field(() => ClaimStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ClaimStatus)
  status?: ClaimStatus;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsNotEmpty()
  @MaxLength(60)
  tag?: string;

  @Field({ nullable: true, description: 'Claims with a quantity on this variable.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,99}$/, { message: 'must be a snake_case variable key' })
  variable?: string;

  @Field(() => ID, { nullable: true, description: 'Claims this source speaks to or relays.' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @Field({ nullable: true, description: 'Claims a source of this name or alias speaks to or relays ("CNN", "SOHR").' })
  @IsOptional()
  @Trim()
  @IsNotEmpty()
  @MaxLength(300)
  source?: string;

  @Field({ nullable: true, description: 'Claims relayed by a source of this name or alias (as an intermediary only).' })
  @IsOptional()
  @Trim()
  @IsNotEmpty()
  @MaxLength(300)
  relayedBy?: string;

  @Field(() => SourceKind, { nullable: true, description: 'Claims with a speaker of this kind.' })
  @IsOptional()
  @IsEnum(SourceKind)
  sourceKind?: SourceKind;

  @Field(() => AnonymityFilter, { nullable: true })
  @IsOptional()
  @IsEnum(AnonymityFilter)
  anonymity?: AnonymityFilter;

  @Field(() => Stance, { nullable: true, description: 'Claims with at least one attribution of this stance.' })
  @IsOptional()
  @IsEnum(Stance)
  stance?: Stance;

  @Field(() => ID, { nullable: true, description: 'Claims cited in this article.' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @Field(() => Date, { nullable: true, description: 'Cited in an article published at or after this time.' })
  @IsOptional()
  @IsDate()
  publishedFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @NotBefore('publishedFrom')
  publishedTo?: Date;

  @Field(() => Date, { nullable: true, description: 'Event time overlaps the range from this time.' })
  @IsOptional()
  @IsDate()
  eventFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @NotBefore('eventFrom')
  eventTo?: Date;

  @Field({ nullable: true, description: 'Place name, admin area or country code (case-insensitive).' })
  @IsOptional()
  @Trim()
  @IsNotEmpty()
  @MaxLength(200)
  place?: string;

  @Field(() => Sourcing, { nullable: true })
  @IsOptional()
  @IsEnum(Sourcing)
  sourcing?: Sourcing;

  @Field(() => Int, { nullable: true, description: 'At least this many independent origins assert the claim.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minIndependentSources?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many independent origins: 1 gives the single-source claims, named or anonymous-only (and unsourced ones, with 0).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  maxIndependentSources?: number;

  @Field({ nullable: true, description: 'true: claims whose figures contradict another claim\'s; false: claims with no such contradiction.' })
  @IsOptional()
  @IsBoolean()
  hasDiscrepancy?: boolean;

  @Field({ nullable: true, description: 'true: several apparent sources that all trace back to one origin.' })
  @IsOptional()
  @IsBoolean()
  circular?: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'Claims whose exported rows changed at or after this time: their own fields, attributions, citations, articles or the sources they name (incremental sync; pass the last export\'s highWaterMark).',
  })
  @IsOptional()
  @IsDate()
  updatedSince?: Date;

  @Field(() => DeletedFilter, { nullable: true, description: 'Editors and admins only. Default EXCLUDE.' })
  @IsOptional()
  @IsEnum(DeletedFilter)
  deleted?: DeletedFilter;
}

/** The declared columns' filters (declared-columns.ts `filter`). */
export interface ClaimFilterInput extends DeclaredFilters {}
declareFilterFields(ClaimFilterInput);
