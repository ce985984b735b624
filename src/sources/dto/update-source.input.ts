import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validators';
import { SourceKind } from '../source.enums';
import { SOURCE_NAME_MAX, SourceFieldsInput } from './source-fields.input';

@InputType()
export class UpdateSourceInput extends SourceFieldsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you edited; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SOURCE_NAME_MAX)
  name?: string;
}
