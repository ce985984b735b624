import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

@InputType()
export class LinkSourcesInput {
  @Field(() => [ID], { description: 'Two or more sources that are one origin.' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sourceIds: string[];
}

@InputType()
export class UnlinkSourcesInput {
  @Field(() => [ID], { description: 'Sources to take out of their origin group.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sourceIds: string[];
}
