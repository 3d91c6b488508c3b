import { ArgsType, Field, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HostType } from '../../cmdb/inventory/entities/host.entity';
import { PageArgs } from '../../common/pagination/page.args';
import { Paginated } from '../../common/pagination/paginated';
import { NullableStringField } from '../../common/graphql/nullable-string-field';
import { CertificateType } from '../certificates';
import { DomainRequest } from '../entities/domain-request.entity';
import { HostRequest } from '../entities/host-request.entity';
import { ResourceRequestStatus } from '../entities/request-columns';
import { SslCertificateRequest } from '../entities/ssl-certificate-request.entity';
import { MAX_REQUIRED_HOSTS } from '../host-request-input';
import { MAX_RECORDS } from '../domain-records';
import { ResourceRequestKind } from '../request-kinds';

const MAX_ID = 2147483647;

@ArgsType()
export class ResourceRequestsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Username of who asked' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created after this time' })
  @IsOptional()
  @IsDate()
  createdAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Created before this time' })
  @IsOptional()
  @IsDate()
  createdBefore?: Date;

  @Field(() => ResourceRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ResourceRequestStatus)
  status?: ResourceRequestStatus;
}

@ArgsType()
export class SslCertificateRequestsArgs extends ResourceRequestsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @Field(() => CertificateType, { nullable: true })
  @IsOptional()
  @IsEnum(CertificateType)
  certificateType?: CertificateType;
}

@InputType()
export class RequiredHostInputType {
  @Field()
  @IsString()
  @MaxLength(255)
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  cpuCores?: number | null;

  @Field(() => Int, { nullable: true, description: 'MB' })
  @IsOptional()
  @IsInt()
  mem?: number | null;

  @Field(() => Int, { nullable: true, description: 'MB' })
  @IsOptional()
  @IsInt()
  storage?: number | null;

  @NullableStringField(128)
  os?: string | null;

  @Field(() => HostType, { nullable: true })
  @IsOptional()
  @IsEnum(HostType)
  type?: HostType | null;
}

@InputType()
export class HostRequestInput {
  @Field({ nullable: true, description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  purpose?: string;

  @Field(() => Int, { nullable: true, description: 'Default 7' })
  @IsOptional()
  @IsInt()
  expectDeliveryDays?: number;

  @Field({ nullable: true, description: '"never" (the default) or a number of days' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  expiration?: string;

  @Field(() => [Int], { nullable: true, description: 'Users who get login on the hosts' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  loginUserIds?: number[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  shippedPackageIds?: number[];

  @Field(() => [RequiredHostInputType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_REQUIRED_HOSTS)
  @ValidateNested({ each: true })
  @Type(() => RequiredHostInputType)
  requiredHosts?: RequiredHostInputType[];
}

@InputType()
export class RequestedRecordInput {
  @Field({ description: 'Fully qualified name: www.example.com' })
  @IsString()
  @MaxLength(255)
  name: string;

  @Field({ description: 'A, AAAA, CNAME, MX, NS, TXT, SRV or CAA' })
  @IsString()
  @MaxLength(8)
  type: string;

  @Field({ description: 'Presentation format: MX "10 mail.example.com", SRV "10 5 5060 sip.example.com"' })
  @IsString()
  @MaxLength(4000)
  value: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  ttl?: number | null;
}

@InputType()
export class DomainRequestInput {
  @Field(() => [RequestedRecordInput], { nullable: true, description: 'Required on create' })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  @Type(() => RequestedRecordInput)
  records?: RequestedRecordInput[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  associatedAppIds?: number[];
}

@InputType()
export class SslCertificateRequestInput {
  @Field({ nullable: true, description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  domain?: string;

  @Field(() => CertificateType, { nullable: true, description: 'Required on create' })
  @IsOptional()
  @IsEnum(CertificateType)
  certificateType?: CertificateType;

  @NullableStringField(1000)
  purpose?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectDeliveryDays?: number;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  associatedAppIds?: number[];

  @NullableStringField(32768, 'PEM certificate signing request; without one the service generates the key')
  csr?: string | null;
}

@ObjectType()
export class RequiredHostType {
  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  cpuCores: number | null;

  @Field(() => Int, { nullable: true })
  mem: number | null;

  @Field(() => Int, { nullable: true })
  storage: number | null;

  @Field(() => String, { nullable: true })
  os: string | null;

  @Field(() => HostType, { nullable: true })
  type: HostType | null;
}

@ObjectType()
export class RequestedRecordType {
  @Field()
  name: string;

  @Field()
  type: string;

  @Field()
  value: string;

  @Field(() => Int, { nullable: true })
  ttl: number | null;
}

@ObjectType()
export class HostRequestPage extends Paginated(HostRequest) {}

@ObjectType()
export class DomainRequestPage extends Paginated(DomainRequest) {}

@ObjectType()
export class SslCertificateRequestPage extends Paginated(SslCertificateRequest) {}

@ObjectType()
export class SslCertificateApproval {
  @Field(() => SslCertificateRequest)
  request: SslCertificateRequest;

  @Field(() => String, {
    nullable: true,
    description: 'The private key the service generated (PEM): shown in this answer only, never stored',
  })
  privateKey: string | null;
}

@ObjectType()
export class ResourceRequestDecision {
  @Field(() => ResourceRequestKind)
  kind: ResourceRequestKind;

  @Field(() => Int)
  id: number;

  @Field(() => ResourceRequestStatus)
  status: ResourceRequestStatus;
}
