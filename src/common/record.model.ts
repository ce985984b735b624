import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** The fields every editable record shows: its id, its version for optimistic concurrency, and timestamps. */
@ObjectType({ isAbstract: true })
export abstract class RecordModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** Who created it: not shown, but read by viewerCanEdit (access/edit-policy.ts). */
  createdBy?: string | null;
}
