import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { RecordType } from '../../common/record-type';

@InputType()
export class DeleteRecordInput {
  @Field(() => RecordType)
  @IsEnum(RecordType)
  type: RecordType;

  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType()
export class RestoreRecordInput {
  @Field(() => RecordType)
  @IsEnum(RecordType)
  type: RecordType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}
