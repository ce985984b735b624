import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../common/node';
import { Restricted } from '../core/field-access';
import { EDITORIAL_ROLES } from '../core/role';
import { RecordModel } from '../common/record.model';
import { Reliability, SourceKind } from './source.enums';

@ObjectType('Source', { description: 'Who speaks: a group, an outlet, a person, or an anonymous speaker described as written.', implements: () => [NodeInterface] })
export class SourceModel extends RecordModel {
  @Field(() => SourceKind)
  kind: SourceKind;

  @Field({ description: 'For an anonymous source, its description: "a senior military official".' })
  name: string;

  @Field(() => String, { nullable: true })
  basedIn: string | null;

  @Field(() => String, { nullable: true })
  affiliation: string | null;

  @Field(() => String, { nullable: true })
  wikidataId: string | null;

  @Field(() => Reliability, { nullable: true })
  reliability: Reliability | null;

  @Field(() => String, { nullable: true, description: 'Who an anonymous source is, if known.' })
  @Restricted(EDITORIAL_ROLES)
  confidentialNote: string | null;

  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;
}

@ObjectType('ReliabilityChange', { description: 'One change of a source\'s Admiralty grade.' })
export class ReliabilityChangeModel {
  @Field(() => Reliability, { nullable: true })
  fromGrade: Reliability | null;

  @Field(() => Reliability, { nullable: true })
  toGrade: Reliability | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who made the change.' })
  actorId: string | null;

  @Field()
  changedAt: Date;
}
