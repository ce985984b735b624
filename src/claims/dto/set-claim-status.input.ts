import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { RequiredText, Versioned } from '../../common/input-fields';
import { ClaimStatus } from '../claim.enums';

@InputType()
export class SetClaimStatusInput extends Versioned() {
  @Field(() => ClaimStatus)
  @IsEnum(ClaimStatus)
  status: ClaimStatus;

  @RequiredText(1000, 'Why: kept in the claim\'s status history.')
  reason: string;
}
