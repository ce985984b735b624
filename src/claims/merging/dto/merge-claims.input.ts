import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

@InputType()
export class MergeClaimsInput {
  @Field(() => ID, { description: 'The claim that stays and receives the attributions, citations and figures.' })
  @IsUUID('all', { message: 'must be an id (a UUID)' })
  survivorId: string;

  @Field(() => ID, { description: 'The claim merged into the survivor; it becomes merged, a state like deletion.' })
  @IsUUID('all', { message: 'must be an id (a UUID)' })
  duplicateId: string;

  @Field(() => Int, { nullable: true, description: 'The survivor\'s version you saw; a stale one is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  survivorVersion?: number;

  @Field(() => Int, { nullable: true, description: 'The duplicate\'s version you saw.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  duplicateVersion?: number;
}

@InputType()
export class UnmergeClaimInput {
  @Field(() => ID, { description: 'The merged claim to bring back, with everything its merge moved.' })
  @IsUUID('all', { message: 'must be an id (a UUID)' })
  duplicateId: string;
}
