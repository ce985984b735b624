import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RequiredText } from '../../../common/input-fields';
import { Trim, TrimEach } from '../../../common/validators';

const KEY = /^[a-z][a-z0-9_]{0,99}$/;
const KEY_MESSAGE = 'must be a snake_case key: a lowercase letter, then letters, digits or _';

@InputType({ description: 'A variable of the vocabulary of figures; an existing name is replaced by this definition.' })
export class DefineQuantityVariableInput {
  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  name: string;

  @RequiredText(200)
  label: string;

  @Field(() => String, { nullable: true, description: 'The counted thing: "people", "fighters".' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code for money.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as USD' })
  currency?: string | null;

  @RequiredText(2000)
  description: string;

  @Field(() => [String], { nullable: true, description: 'Other keys that mean the same; written claims are normalised to the name.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @TrimEach()
  @Matches(KEY, { each: true, message: `each alias ${KEY_MESSAGE}` })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'The UCDP GED field it counts toward.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  ucdp?: string | null;

  @Field(() => String, { nullable: true, description: 'The ACLED field or event type it counts toward.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  acled?: string | null;
}
