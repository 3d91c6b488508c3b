import { NullableStringField } from '../../../common/graphql/nullable-string-field';
import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ArrayMaxSize,
} from 'class-validator';
import { MAX_PAGE_SIZE, PageArgs } from '../../../common/pagination/page.args';
import { Paginated } from '../../../common/pagination/paginated';
import { Host, HostStatus, HostType, OsStatus } from '../entities/host.entity';
import { AddrOwner, AddrType } from '../entities/ip-address.entity';

@InputType()
export class IpInputType {
  @Field()
  @IsString()
  @MaxLength(45)
  address: string;

  @NullableStringField(45)
  netmask?: string | null;

  @NullableStringField(64)
  network?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isVirtual?: boolean;

  @Field(() => AddrType, { nullable: true })
  @IsOptional()
  @IsEnum(AddrType)
  addrType?: AddrType;

  @Field(() => AddrOwner, { nullable: true })
  @IsOptional()
  @IsEnum(AddrOwner)
  owner?: AddrOwner;
}

@InputType()
export class SshInputType {
  @NullableStringField(255)
  address?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @NullableStringField(64)
  user?: string | null;

  @Field({ nullable: true, description: 'Stored encrypted; never shown again' })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  privateKey?: string;

  @Field({ nullable: true, description: 'Stored encrypted; never shown again' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

@InputType()
export class HostInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @Field(() => HostType, { nullable: true })
  @IsOptional()
  @IsEnum(HostType)
  hostType?: HostType;

  @Field(() => HostStatus, { nullable: true })
  @IsOptional()
  @IsEnum(HostStatus)
  status?: HostStatus;

  @Field(() => OsStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OsStatus)
  osStatus?: OsStatus;

  @NullableStringField(128)
  osType?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  cpu?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  memory?: number | null;

  @NullableStringField(255)
  location?: string | null;

  @NullableStringField(4096)
  description?: string | null;

  @NullableStringField(255)
  usage?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isInitialized?: boolean;

  @Field(() => [IpInputType], { nullable: true, description: 'Replaces the addresses when given' })
  @IsOptional()
  @ArrayMaxSize(256)
  @ValidateNested({ each: true })
  @Type(() => IpInputType)
  ips?: IpInputType[];

  @Field(() => SshInputType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SshInputType)
  ssh?: SshInputType;
}

@ArgsType()
export class HostsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  search?: string;

  @Field(() => HostType, { nullable: true })
  @IsOptional()
  @IsEnum(HostType)
  hostType?: HostType;

  @Field(() => HostStatus, { nullable: true })
  @IsOptional()
  @IsEnum(HostStatus)
  status?: HostStatus;

  @Field(() => Int, {
    nullable: true,
    description: `Cursor paging: this many hosts (at most ${MAX_PAGE_SIZE}), in place of \`limit\``,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor paging: the hosts after this `endCursor` of an earlier page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string | null;
}

@ObjectType()
export class HostPage extends Paginated(Host) {
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last host of the page (null when empty): `after` for the next page',
  })
  endCursor: string | null;

  @Field({ description: 'Whether more hosts follow this page' })
  hasNextPage: boolean;
}
