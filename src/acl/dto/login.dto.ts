import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

@InputType()
export class LoginInput {
  @ApiProperty({ example: 'admin' })
  @Field()
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ format: 'password' })
  @Field()
  @IsString()
  @MaxLength(1024)
  password: string;
}

/** REST answer of POST /auth/login (snake_case, as OAuth-style clients expect). */
export class LoginResponse {
  @ApiProperty()
  access_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Lifetime of the token in seconds' })
  expires_in: number;
}

@ObjectType()
export class AuthToken {
  @Field()
  accessToken: string;

  @Field()
  tokenType: string;

  @Field(() => Int, { description: 'Lifetime of the token in seconds' })
  expiresIn: number;
}

export class ResetPasswordInput {
  @ApiProperty({ description: 'The token from the reset link' })
  @IsString()
  @Length(1, 128)
  token: string;

  @ApiProperty({ format: 'password', minLength: 8 })
  @IsString()
  @Length(8, 1024)
  password: string;
}
