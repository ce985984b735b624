import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { OptionalText, Versioned } from '../../common/input-fields';
import { SourceKind } from '../source.enums';
import { SOURCE_NAME_MAX, SourceFieldsInput } from './source-fields.input';

@InputType()
export class UpdateSourceInput extends Versioned(SourceFieldsInput) {
  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind)
  kind?: SourceKind;

  @OptionalText(SOURCE_NAME_MAX)
  name?: string;
}
