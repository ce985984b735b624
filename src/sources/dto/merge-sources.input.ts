import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class MergeSourcesInput {
  @Field(() => ID, { description: 'The source that remains.' })
  @IsUUID()
  survivorId: string;

  @Field(() => ID, { description: 'The duplicate: its attributions and relays move to the survivor, its names become aliases, and it is marked deleted.' })
  @IsUUID()
  mergedId: string;
}
