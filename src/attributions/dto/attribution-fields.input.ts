import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalText } from '../../common/input-fields';
import { ShortTextList } from '../../common/validators';
import { AttributionMode, Stance } from '../attribution.enums';

/** How a source said it: shared by addAttribution, updateAttribution and logClaim. */
@InputType({ isAbstract: true })
export class AttributionFieldsInput {
  @Field(() => Stance, { nullable: true, description: 'Default ASSERTS.' })
  @IsOptional()
  @IsEnum(Stance)
  stance?: Stance;

  @OptionalText(50)
  cue?: string | null;

  @Field(() => AttributionMode, { nullable: true, description: 'Default PARAPHRASE.' })
  @IsOptional()
  @IsEnum(AttributionMode)
  mode?: AttributionMode;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  saidAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  credibility?: number | null;

  @Field({ nullable: true, description: 'The copy grants the speaker anonymity, with or without a reason. Default: true when anonymityReason is given, else false.' })
  @IsOptional()
  @IsBoolean()
  anonymityGranted?: boolean;

  @OptionalText(500, 'Why anonymity was granted, as stated. A reason implies the grant: not allowed with anonymityGranted false.')
  anonymityReason?: string | null;

  @OptionalText(300)
  relationship?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ShortTextList()
  conditions?: string[];
}
