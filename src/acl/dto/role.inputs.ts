import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { ArgsType, Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { Role } from '../entities/role.entity';

@InputType()
export class RoleInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @NullableStringField(255)
  description?: string | null;

  @Field({ nullable: true, description: 'Members are allowed everything' })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
}

@InputType()
export class CreateRoleInput extends RoleInput {
  @Field()
  @IsString()
  @MaxLength(64)
  declare name: string;
}

@ArgsType()
export class RolesArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;
}

@ObjectType()
export class RolePage extends Paginated(Role) {}
