import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { RecordInput } from '../../../resource-request/domain-records';
import type { DomainRequest } from '../../../resource-request/entities/domain-request.entity';
import type { HostRequest } from '../../../resource-request/entities/host-request.entity';
import { ResourceRequestStatus } from '../../../resource-request/entities/request-columns';
import type { SslCertificateRequest } from '../../../resource-request/entities/ssl-certificate-request.entity';
import type { RequiredHostInput } from '../../../resource-request/host-request-input';
import { InvalidInputError } from '../../../common/errors/domain-errors';
import { PlatformIdRef } from './platform-id-ref.dto';
import { PlatformPageQuery } from './platform-page.query';

const STATUSES = Object.values(ResourceRequestStatus);
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const refs = (ids: readonly number[]) => ids.map((id) => ({ id }));

/** Filters every request list takes (seed 003): creator, time__gt, time__lt, status. */
export class PlatformRequestListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Username of who asked' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;

  @ApiPropertyOptional({ description: 'Created after this time (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  time__gt?: Date;

  @ApiPropertyOptional({ description: 'Created before this time (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  time__lt?: Date;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ResourceRequestStatus;
}

export class PlatformSslRequestListQuery extends PlatformRequestListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @ApiPropertyOptional({ enum: ['wizard', 'normal'] })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  certificate_type?: string;
}

export class PlatformHostSpecs {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  cpu_core?: number;

  @ApiPropertyOptional({ description: "The object model's name for cpu_core" })
  @IsOptional()
  @IsInt()
  cpu_cores?: number;

  @ApiPropertyOptional({ description: 'MB' })
  @IsOptional()
  @IsInt()
  mem?: number;

  @ApiPropertyOptional({ description: 'MB' })
  @IsOptional()
  @IsInt()
  storage?: number;
}

export class PlatformRequiredHost {
  @ApiProperty()
  @IsString()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ type: PlatformHostSpecs })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlatformHostSpecs)
  specs?: PlatformHostSpecs;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  os?: string;

  @ApiPropertyOptional({ description: 'Host type: ALI_ECS, PHY_HOST, TECENT_CVM...' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  type?: string;
}

function IdRefs(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [PlatformIdRef] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(200),
    ValidateNested({ each: true }),
    Type(() => PlatformIdRef),
  );
}

function RequiredHosts(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [PlatformRequiredHost] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => PlatformRequiredHost),
  );
}

/**
 * A host request as the seed sends it: its parameter table, its examples and its object model
 * name some fields differently, and real clients send each; every spelling is read.
 */
export class PlatformHostRequestBody {
  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  purpose?: string;

  @ApiPropertyOptional({ description: 'Days, as a string or a number; default "7"' })
  @Allow()
  expect_delivery_days?: string | number;

  @ApiPropertyOptional({ description: '"never" (default) or a number of days' })
  @Allow()
  expiration?: string | number;

  @IdRefs()
  login_users?: PlatformIdRef[];

  /** The PATCH table's name for login_users. */
  @IdRefs()
  users_with_log_perm?: PlatformIdRef[];

  @IdRefs()
  shipped_packages?: PlatformIdRef[];

  /** The seed's examples misspell shipped_packages so; clients copied it. */
  @IdRefs()
  shiped_packackages?: PlatformIdRef[];

  @RequiredHosts()
  required_hosts?: PlatformRequiredHost[];

  /** The object model's name for required_hosts. */
  @RequiredHosts()
  requested_hosts?: PlatformRequiredHost[];
}

export class PlatformRequestedRecord {
  @ApiPropertyOptional({ description: 'Record name (www.example.com)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  record?: string;

  @ApiPropertyOptional({ description: "The object model's name for record" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  value: string;

  @ApiProperty({ enum: ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'CAA'] })
  @IsString()
  @MaxLength(8)
  type: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  ttl?: number;
}

/** `[1, 2]`, `[{id: 1}]` or a single id (the object model types associated_app as a Number). */
function appIds({ value }: { value: unknown }): unknown {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'object' && v !== null && 'id' in v ? (v as { id: unknown }).id : v));
}

function AppIds(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [Number], description: 'Application ids' }),
    IsOptional(),
    Transform(appIds),
    IsArray(),
    ArrayMaxSize(200),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(2147483647, { each: true }),
  );
}

export class PlatformDomainRequestBody {
  @ApiPropertyOptional({ type: [PlatformRequestedRecord], description: 'Required on create' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlatformRequestedRecord)
  records?: PlatformRequestedRecord[];

  @AppIds()
  associated_app?: number[];
}

export class PlatformSslRequestBody {
  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  domain?: string;

  @ApiPropertyOptional({ enum: ['wizard', 'normal'], description: 'Required on create; wizard is a wildcard' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  certificate_type?: string;

  @AppIds()
  associate_app?: number[];

  /** The domain request's spelling, sent for certificates too. */
  @AppIds()
  associated_app?: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  purpose?: string;

  @ApiPropertyOptional()
  @Allow()
  expect_delivery_days?: string | number;

  @ApiPropertyOptional({ description: 'PEM certificate signing request; without one the service generates the key' })
  @IsOptional()
  @IsString()
  @MaxLength(32768)
  csr?: string;
}

/** An optional reason for any decision. */
export class PlatformDecisionBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class PlatformDelegateBody extends PlatformDecisionBody {
  @ApiProperty({ description: 'The user the review goes to' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  user_id: number;
}

export class PlatformSslApproveBody extends PlatformDecisionBody {
  @ApiPropertyOptional({ description: 'A certificate obtained elsewhere (PEM, its chain may follow)' })
  @IsOptional()
  @IsString()
  @MaxLength(32768)
  certificate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32768)
  chain?: string;
}

/** One of two spellings of a field; both at once is refused rather than one silently winning. */
export function either<T>(body: object, a: string, b: string): T | undefined {
  const values = body as Record<string, T | undefined>;
  if (values[a] !== undefined && values[b] !== undefined) {
    throw new InvalidInputError(b, `give ${a} or ${b}, not both`);
  }
  return values[a] ?? values[b];
}

export function hostRequestInput(body: PlatformHostRequestBody) {
  const login = either<PlatformIdRef[]>(body, 'login_users', 'users_with_log_perm');
  const packages = either<PlatformIdRef[]>(body, 'shipped_packages', 'shiped_packackages');
  const hosts = either<PlatformRequiredHost[]>(body, 'required_hosts', 'requested_hosts');
  return {
    purpose: body.purpose,
    expectDeliveryDays: body.expect_delivery_days,
    expiration: body.expiration,
    loginUserIds: login?.map((r) => r.id),
    shippedPackageIds: packages?.map((r) => r.id),
    requiredHosts: hosts?.map((h): RequiredHostInput => ({
      name: h.name,
      cpuCores: either<number>(h.specs ?? {}, 'cpu_core', 'cpu_cores'),
      mem: h.specs?.mem,
      storage: h.specs?.storage,
      os: h.os,
      type: h.type,
    })),
  };
}

export function recordInputs(records: PlatformRequestedRecord[] | undefined): RecordInput[] | undefined {
  return records?.map((r, i) => {
    const name = either<string>(r, 'record', 'name');
    if (name === undefined) throw new InvalidInputError(`records[${i}].record`, 'is required');
    return { name, type: r.type, value: r.value, ttl: r.ttl };
  });
}

function common(r: HostRequest | DomainRequest | SslCertificateRequest) {
  return {
    id: r.id,
    creator: r.creatorName,
    created_time: iso(r.createdAt),
    status: r.status,
    finished_time: iso(r.finishedAt),
  };
}

export function toPlatformHostRequest(r: HostRequest) {
  const packages = refs(r.shippedPackageIds);
  return {
    ...common(r),
    purpose: r.purpose,
    expect_delivery_days: String(r.expectDeliveryDays),
    expiration: r.expirationDays === null ? 'never' : String(r.expirationDays),
    login_users: refs(r.loginUserIds),
    shipped_packages: packages,
    shiped_packackages: packages,
    required_hosts: r.requiredHosts.map((h) => ({
      name: h.name,
      specs: { cpu_core: h.cpuCores, mem: h.mem, storage: h.storage },
      os: h.os,
      type: h.type,
    })),
    hosts: refs(r.hostIds),
  };
}

export function toPlatformDomainRequest(r: DomainRequest, error: string | null) {
  return {
    ...common(r),
    records: r.records.map((rec) => ({
      record: rec.name,
      name: rec.name,
      value: rec.value,
      type: rec.type,
      ttl: rec.ttl,
    })),
    associated_app: r.associatedAppIds,
    error,
  };
}

export function toPlatformSslRequest(r: SslCertificateRequest) {
  return {
    ...common(r),
    domain: r.domain,
    certificate_type: r.certificateType,
    expect_delivery_days: String(r.expectDeliveryDays),
    purpose: r.purpose,
    associate_app: r.associatedAppIds,
    csr: r.csr,
    key_source: r.keySource,
    serial_number: r.serialNumber,
    not_before: iso(r.notBefore),
    not_after: iso(r.notAfter),
  };
}
