import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import { NotBefore } from '../../common/validators';
import { TimePrecision } from '../claim.enums';

@InputType()
export class EventTimeInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  start?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Omit for an instant; later than start for a window.' })
  @IsOptional()
  @IsDate()
  @NotBefore('start')
  end?: Date | null;

  @Field(() => TimePrecision, { nullable: true })
  @IsOptional()
  @IsEnum(TimePrecision)
  precision?: TimePrecision | null;
}
