import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination';

@ObjectType('FieldChange', { description: 'One field\'s value before and after, JSON-encoded.' })
export class FieldChangeModel {
  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'JSON; null when the field was empty or did not exist.' })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType('AuditEvent', { description: 'Who changed what, when.' })
export class AuditEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The user; null for the system (demo loader, command line).' })
  actorId: string | null;

  @Field()
  actorName: string;

  @Field({ description: 'CREATE, UPDATE, DELETE or RESTORE.' })
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => [FieldChangeModel])
  changes: FieldChangeModel[];
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventModel, 'AuditEvent') {}
