import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Paginated } from '../../common/pagination/paginated';
import { ApiToken } from '../entities/api-token.entity';

@InputType()
export class ApiTokenInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name?: string;

  @NullableStringField(255)
  description?: string | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken)
  token: ApiToken;

  @Field({ description: 'The token value, shown only in this answer: Authorization: Token <value>' })
  value: string;
}

@ObjectType()
export class ApiTokenPage extends Paginated(ApiToken) {}
