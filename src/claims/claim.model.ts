import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../common/node';
import { RecordModel } from '../common/record.model';
import { Sourcing } from './sourcing.enum';
import { ClaimStatus, PlacePrecision, TimePrecision } from './claim.enums';
import type { DeclaredValues } from './declared-columns';
import { declareModelFields } from './declared-fields';

@ObjectType('Quantity', { description: 'A reported figure: a value, or bounds, as the source put it.' })
export class QuantityModel {
  @Field({ description: 'What is counted, as a stable key: "fighters_refusing_surrender".' })
  variable: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  lower: number | null;

  @Field()
  lowerInclusive: boolean;

  @Field(() => Float, { nullable: true })
  upper: number | null;

  @Field()
  upperInclusive: boolean;

  @Field()
  approximate: boolean;

  @Field({ description: 'A vague figure ("dozens", "hundreds") kept as a conventional range.' })
  vague: boolean;

  @Field(() => String, { nullable: true, description: 'As written: "more than", "at least", "around".' })
  qualifier: string | null;

  @Field(() => String, { nullable: true, description: 'The counted noun: "fighters".' })
  unit: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code for money.' })
  currency: string | null;
}

@ObjectType('Place')
export class PlaceModel {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  adminArea: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => PlacePrecision, { nullable: true })
  precision: PlacePrecision | null;
}

@ObjectType('EventTime', { description: 'An instant (start = end) or a window.' })
export class EventTimeModel {
  @Field(() => Date, { nullable: true })
  start: Date | null;

  @Field(() => Date, { nullable: true })
  end: Date | null;

  @Field(() => TimePrecision, { nullable: true })
  precision: TimePrecision | null;
}

@ObjectType('Claim', { description: 'One checkable proposition, in the reporter\'s words.', implements: () => [NodeInterface] })
export class ClaimModel extends RecordModel {
  @Field()
  statement: string;

  @Field(() => [String])
  tags: string[];

  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field(() => PlaceModel, { nullable: true })
  place: PlaceModel | null;

  @Field(() => EventTimeModel, { nullable: true })
  eventTime: EventTimeModel | null;

  @Field(() => Int, { description: 'Distinct originating speakers asserting the claim; relays collapse onto their origin.' })
  independentSourceCount: number;

  @Field(() => Int, { description: 'Distinct origins denying the claim.' })
  denyingSourceCount: number;

  @Field(() => Int, { description: 'Distinct origins questioning the claim.' })
  questioningSourceCount: number;

  @Field(() => Sourcing)
  sourcing: Sourcing;

  @Field({ description: 'True when several apparent sources all trace back to a single origin.' })
  circular: boolean;

  @Field({ description: 'True when another claim\'s figures for a shared variable cannot be true together with this one\'s.' })
  hasDiscrepancy: boolean;

  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;
}

/** The typed-in plain columns (hedge…), declared once in declared-columns.ts. */
export interface ClaimModel extends DeclaredValues {}
declareModelFields(ClaimModel);

@ObjectType('ClaimStatusChange')
export class ClaimStatusChangeModel {
  @Field(() => ClaimStatus)
  fromStatus: ClaimStatus;

  @Field(() => ClaimStatus)
  toStatus: ClaimStatus;

  @Field()
  reason: string;

  @Field(() => ID, { nullable: true, description: 'The user who made the change.' })
  actorId: string | null;

  @Field()
  changedAt: Date;
}
