import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { VersionField } from '../../common/input-fields';
import { RecordType } from '../../common/record-type';

/** A record of any audited type, by type and id. */
@InputType({ isAbstract: true })
class RecordRefInput {
  @Field(() => RecordType)
  @IsEnum(RecordType)
  type: RecordType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

@InputType()
export class DeleteRecordInput extends RecordRefInput {
  @VersionField('The version you saw; a stale one is refused with CONFLICT.')
  version?: number;
}

@InputType()
export class RestoreRecordInput extends RecordRefInput {}
