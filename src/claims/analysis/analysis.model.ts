import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ClaimModel } from '../claim.model';

@ObjectType('SourceTrackRecord', { description: 'Claims this source asserts, counted by their editorial status.' })
export class SourceTrackRecordModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  unverified: number;

  @Field(() => Int)
  corroborated: number;

  @Field(() => Int)
  contested: number;

  @Field(() => Int)
  confirmed: number;

  @Field(() => Int, { name: 'false' })
  falseCount: number;

  @Field(() => Int)
  retracted: number;
}

@ObjectType('Discrepancy', { description: 'Two claims whose figures for one variable cannot both be true.' })
export class DiscrepancyModel {
  @Field()
  variable: string;

  @Field(() => ClaimModel)
  claim: ClaimModel;

  @Field(() => ClaimModel)
  otherClaim: ClaimModel;
}
