import { ArgsType, Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { CdnProvider, RefreshMode } from '../cdn-refresh-input';
import { CdnRefreshTask, CdnTaskStatus } from '../entities/cdn-refresh-task.entity';
import { ExternalNavigator } from '../entities/external-navigator.entity';

@ArgsType()
export class NavigatorsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

@InputType()
export class NavigatorInput {
  @Field({ nullable: true, description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @Field({ nullable: true, description: 'Required on create: a path on this site or an http(s) URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  img?: string;

  @Field({ nullable: true, description: 'Required on create: an http(s) URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;
}

@ObjectType()
export class NavigatorPage extends Paginated(ExternalNavigator) {}

@ArgsType()
export class CdnRefreshTasksArgs extends PageArgs {
  @Field(() => CdnProvider, { nullable: true })
  @IsOptional()
  @IsEnum(CdnProvider)
  provider?: CdnProvider;

  @Field({ nullable: true, description: 'Username of who created it' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created at or after' })
  @IsOptional()
  @IsDate()
  createdAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created at or before' })
  @IsOptional()
  @IsDate()
  createdBefore?: Date;

  @Field(() => CdnTaskStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CdnTaskStatus)
  status?: CdnTaskStatus;
}

@InputType()
export class CdnRefreshTaskInput {
  @Field(() => [String], { description: 'http(s) URLs; directories (ending in /) for a recursive refresh' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  urls: string[];

  @Field(() => CdnProvider)
  @IsEnum(CdnProvider)
  provider: CdnProvider;

  @Field(() => RefreshMode)
  @IsEnum(RefreshMode)
  refreshMode: RefreshMode;
}

@ObjectType()
export class CdnRefreshTaskPage extends Paginated(CdnRefreshTask) {}

@InputType()
export class CdnProviderInput {
  @Field(() => CdnProvider)
  @IsEnum(CdnProvider)
  provider: CdnProvider;

  @Field({ description: "Base URL of the provider's API" })
  @IsString()
  @MaxLength(2048)
  endpoint: string;

  @Field({ description: 'AccessKeyId (Alibaba Cloud), SecretId (Tencent Cloud) or account name (Wangsu)' })
  @IsString()
  @MaxLength(255)
  accessKeyId: string;

  @Field({
    nullable: true,
    description: 'Write-only, stored encrypted. Omitted: the stored one is kept, unless the endpoint changes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  secret?: string;
}
