import { Args, Field, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Actor } from '../core/actor';
import { CurrentActor } from '../core/current-actor.decorator';
import { RecordType } from '../common/record-type';
import { DeleteRecordInput, RestoreRecordInput } from './dto/record-ref.input';
import { RecordsService } from './records.service';

@ObjectType('RecordState', { description: 'A record\'s deletion state after deleteRecord or restoreRecord.' })
export class RecordStateModel {
  @Field(() => RecordType)
  type: RecordType;

  @Field(() => ID)
  id: string;

  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;

  @Field(() => ID, { nullable: true })
  deletedBy: string | null;

  @Field(() => Int)
  version: number;
}

@Resolver(() => RecordStateModel)
export class RecordsResolver {
  constructor(private readonly records: RecordsService) {}

  @Mutation(() => RecordStateModel, { description: 'Marks a record deleted: hidden from queries and exports, kept in the database and history.' })
  async deleteRecord(@Args('input') input: DeleteRecordInput, @CurrentActor() actor: Actor): Promise<RecordStateModel> {
    const r = await this.records.delete(input, actor);
    return { type: input.type, id: r.id, deletedAt: r.deletedAt, deletedBy: r.deletedBy, version: r.version };
  }

  @Mutation(() => RecordStateModel, { description: 'Brings a deleted record back (editors and admins).' })
  async restoreRecord(@Args('input') input: RestoreRecordInput, @CurrentActor() actor: Actor): Promise<RecordStateModel> {
    const r = await this.records.restore(input, actor);
    return { type: input.type, id: r.id, deletedAt: r.deletedAt, deletedBy: r.deletedBy, version: r.version };
  }
}
