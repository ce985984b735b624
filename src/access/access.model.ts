import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../core/role';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => Role)
  role: Role;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('Person', { description: 'A user as others see them in the record: id and name, no email, role or keys.' })
export class PersonModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('ApiKey', { description: 'An API key\'s record; the key itself is shown only once, by createApiKey.' })
export class ApiKeyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field({ description: 'The key in clear. It is not stored and cannot be shown again: copy it now.' })
  key: string;

  @Field(() => ApiKeyModel)
  apiKey: ApiKeyModel;
}

@ObjectType('Me')
export class MeModel {
  @Field(() => ID, { nullable: true })
  id: string | null;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;
}
