import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { MAX_PAGE_SIZE, PageArgs } from '../../common/pagination/page.args';
import { CredentialType } from '../entities/repository-credential.entity';

/** Null given: set to null (inherit again); left out: unchanged. */
const nullable = () => ValidateIf((_: unknown, v: unknown) => v !== undefined && v !== null);

@InputType()
export class RepositoryCredentialInput {
  @NullableStringField(128, 'Defaults to the username on create')
  name?: string;

  @Field(() => CredentialType, { nullable: true, description: 'Required on create' })
  @IsOptional()
  @IsEnum(CredentialType)
  type?: CredentialType;

  @NullableStringField(128)
  username?: string;

  @NullableStringField(1024, 'PASSWORD credentials')
  password?: string;

  @NullableStringField(16384, 'SSH_PRIVATE_KEY credentials: unencrypted, OpenSSH or PEM')
  privateKey?: string;
}

@InputType({ description: 'Merged over the repository in effect; a new URL drops the credential unless one is named' })
export class RepositoryInput {
  @NullableStringField(8, 'GIT, SVN, HTTP, FTP or PATH')
  type?: string;

  @NullableStringField(1024)
  url?: string;

  @NullableStringField(255)
  branch?: string | null;

  @Field(() => Int, { nullable: true })
  @nullable()
  @IsInt()
  credentialId?: number | null;

  @Field(() => RepositoryCredentialInput, { nullable: true, description: 'A new credential for this repository' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepositoryCredentialInput)
  newCredential?: RepositoryCredentialInput;
}

@InputType()
export class DeployHookInput {
  @Field(() => Int)
  @IsInt()
  scriptId: number;

  @NullableStringField(32)
  runningUser?: string | null;
}

@InputType({ description: 'A hook given replaces that slot; null unsets it' })
export class DeployHooksInput {
  @Field(() => DeployHookInput, { nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => DeployHookInput)
  globalPreExec?: DeployHookInput | null;

  @Field(() => DeployHookInput, { nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => DeployHookInput)
  preExec?: DeployHookInput | null;

  @Field(() => DeployHookInput, { nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => DeployHookInput)
  postExec?: DeployHookInput | null;

  @Field(() => DeployHookInput, { nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => DeployHookInput)
  globalPostExec?: DeployHookInput | null;
}

@InputType({ description: 'A change to a layer of deploy settings: left out unchanged, null unset' })
export class DeployConfigInput {
  @Field(() => Boolean, { nullable: true })
  @nullable()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => RepositoryInput, { nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => RepositoryInput)
  repository?: RepositoryInput | null;

  @NullableStringField(1024)
  deployPath?: string | null;

  @NullableStringField(32)
  scriptRunningUser?: string | null;

  @Field(() => Int, { nullable: true })
  @nullable()
  @IsInt()
  timeout?: number | null;

  @Field(() => Int, { nullable: true })
  @nullable()
  @IsInt()
  keepBackups?: number | null;

  @Field(() => DeployHooksInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeployHooksInput)
  hooks?: DeployHooksInput;
}

@InputType()
export class DeployTemplateInput {
  @NullableStringField(128, 'Required on create')
  name?: string;

  @Field(() => DeployConfigInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeployConfigInput)
  config?: DeployConfigInput;

  @Field(() => [Int], { nullable: true, description: 'Exactly the applications linked to it' })
  @IsOptional()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsInt({ each: true })
  applicationIds?: number[];
}

@InputType()
export class DeployScriptInput {
  @NullableStringField(128, 'Required on create')
  name?: string;

  @NullableStringField(16, 'bash or python; required on create')
  language?: string;

  @NullableStringField(65535, 'A Jinja template; required on create')
  content?: string;

  @NullableStringField(16, 'jinja (the default)')
  templateEngine?: string;
}

@ArgsType()
export class DeploySettingsListArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  templateId?: number;
}

@ArgsType()
export class DeployTemplatesArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @Field({ nullable: true, description: 'Username of the creator' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;
}

@ArgsType()
export class DeployScriptsArgs extends DeployTemplatesArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string;

  @Field({ nullable: true, description: 'Part of the content' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  content?: string;
}

@ArgsType()
export class RepositoryCredentialsArgs extends PageArgs {
  @Field(() => CredentialType, { nullable: true })
  @IsOptional()
  @IsEnum(CredentialType)
  type?: CredentialType;

  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  username?: string;
}

@ArgsType()
export class ScriptApplicationsArgs extends PageArgs {
  @Field(() => Int)
  @IsInt()
  id: number;
}

@ArgsType()
export class ScriptPreviewArgs {
  @Field(() => Int)
  @IsInt()
  id: number;

  @Field(() => Int, { nullable: true, description: 'Render for this application instead of with sample variables' })
  @IsOptional()
  @IsInt()
  @Min(1)
  applicationId?: number;

  @Field(() => Int, { nullable: true, description: 'One of its instances (else its first)' })
  @IsOptional()
  @IsInt()
  instanceId?: number;

  @Field({ defaultValue: 'preview' })
  @IsString()
  @MaxLength(128)
  version: string = 'preview';
}
