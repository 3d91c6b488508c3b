import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

export enum GrantSubjectType {
  USER = 'user',
  ROLE = 'role',
}
registerEnumType(GrantSubjectType, { name: 'GrantSubjectType' });

@InputType()
export class SubjectInput {
  @Field(() => GrantSubjectType)
  @IsEnum(GrantSubjectType)
  type: GrantSubjectType;

  @Field(() => Int)
  @IsInt()
  id: number;
}

@InputType()
export class PermissionChangeInput {
  @Field()
  @IsString()
  @MaxLength(64)
  permission: string;

  @Field({ description: 'true grants, false revokes' })
  @IsBoolean()
  enabled: boolean;
}

@InputType()
export class ResourceInput {
  @Field({ description: 'module, host, application, acl_resource or acl_resource_group' })
  @Matches(/^(module|host|application|acl_resource|acl_resource_group)$/)
  type: string;

  @Field({ description: 'Module name or resource id' })
  @IsString()
  @MaxLength(64)
  id: string;
}

@InputType()
export class SetPermissionsInput {
  @Field(() => SubjectInput)
  @ValidateNested()
  @Type(() => SubjectInput)
  subject: SubjectInput;

  @Field(() => ResourceInput)
  @ValidateNested()
  @Type(() => ResourceInput)
  resource: ResourceInput;

  @Field(() => [PermissionChangeInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PermissionChangeInput)
  changes: PermissionChangeInput[];
}

@ObjectType()
export class PermissionCheck {
  @Field()
  permission: string;

  @Field()
  allowed: boolean;
}

@ArgsType()
export class CheckPermissionsArgs {
  @Field(() => [String])
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  permissions: string[];

  @Field(() => ResourceInput, { nullable: true, description: 'Without it: held anywhere' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceInput)
  resource?: ResourceInput;
}
