import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { OptionalText, RequiredText, Versioned } from '../../common/input-fields';
import { Trim } from '../../common/validators';
import { Role } from '../../core/role';

@InputType()
export class CreateUserInput {
  @RequiredText(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}

@InputType()
export class UpdateUserInput extends Versioned() {
  @OptionalText(200)
  name?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @RequiredText(200, 'What the key is for: "Laptop", "Import script".')
  name: string;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
