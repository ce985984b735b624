import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('WireGroup', { description: 'Articles that are one report: copies of one wire story (same agency, near-identical body).' })
export class WireGroupModel {
  @Field(() => String, { nullable: true, description: 'The agency, for a wire story; null for a report of its own.' })
  wireAgency: string | null;

  @Field(() => [ID])
  articleIds: string[];

  @Field(() => [String])
  outlets: string[];
}

@ObjectType('ReportedBy', { description: 'Who carries a claim: "reported by N outlets, K distinct reports".' })
export class ReportedByModel {
  @Field(() => Int, { description: 'Distinct outlets (publishers, or URL hosts) citing the claim.' })
  outletCount: number;

  @Field(() => Int, { description: 'Distinct reports: each wire story counts once however many outlets reprint it.' })
  reportCount: number;

  @Field(() => [String])
  outlets: string[];

  @Field(() => [ID], { description: 'The live articles citing the claim.' })
  articleIds: string[];

  @Field(() => [WireGroupModel])
  reports: WireGroupModel[];
}
