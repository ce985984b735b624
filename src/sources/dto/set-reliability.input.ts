import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { RequiredText, Versioned } from '../../common/input-fields';
import { Reliability } from '../source.enums';

@InputType()
export class SetReliabilityInput extends Versioned() {
  @Field(() => Reliability, { nullable: true, description: 'The new Admiralty grade; null clears it.' })
  @IsOptional()
  @IsEnum(Reliability)
  reliability?: Reliability | null;

  @RequiredText(1000, 'Why the grade changed; kept in the source\'s reliability history.')
  reason: string;
}
