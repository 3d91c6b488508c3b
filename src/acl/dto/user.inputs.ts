import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { User, UserStatus } from '../entities/user.entity';

@InputType()
class UserProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @NullableStringField(32)
  phone?: string | null;

  @NullableStringField(64)
  nickname?: string | null;

  @NullableStringField(128)
  department?: string | null;

  @NullableStringField(16384, 'OpenSSH public key')
  publicKey?: string | null;
}

@InputType()
export class CreateUserInput extends UserProfileInput {
  @Field()
  @IsString()
  @MaxLength(64)
  username: string;

  @Field()
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  password: string;

  @Field(() => Int, { nullable: true, description: '0 developer, 1 operator' })
  @IsOptional()
  @IsIn([0, 1])
  type?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
}

@InputType()
export class UpdateUserInput extends UserProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsIn([0, 1])
  type?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of a username, nickname or email' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  roleId?: number;
}

@ObjectType()
export class UserPage extends Paginated(User) {}

@ObjectType()
export class KeySecret {
  @Field()
  key: string;

  @Field({ description: 'Shown only in this answer' })
  secret: string;
}
