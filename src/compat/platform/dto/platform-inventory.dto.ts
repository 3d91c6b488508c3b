import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { RolesService } from '../../../acl/roles.service';
import type { UsersService } from '../../../acl/users.service';
import type { AppFilter, ApplicationsService } from '../../../cmdb/inventory/applications.service';
import type { Application } from '../../../cmdb/inventory/entities/application.entity';
import { HostType } from '../../../cmdb/inventory/entities/host.entity';
import { ResponsePersonType } from '../../../cmdb/inventory/entities/response-person.entity';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../../../common/pagination/page.args';
import { NullableString } from '../../../common/validation/nullable-string';
import { PlatformAuditQuery } from './platform-audit.query';
import { PlatformPageQuery } from './platform-page.query';

const MAX_ID = 2147483647;

/** An optional list of positive 32-bit ids, at most a page of them. */
function IdList(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [Number], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_PAGE_SIZE),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_ID, { each: true }),
  );
}
const PERSON_TYPES = Object.values(ResponsePersonType);

/** `1,2` or a repeated parameter, as numbers (non-numbers stay NaN and fail validation). */
function idList({ value }: { value: unknown }): unknown {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  return parts.filter((p) => p.trim() !== '').map((p) => (/^\s*[0-9]+\s*$/.test(p) ? Number(p) : NaN));
}

/** The seed documents application_type as a string but sends a number in its example. */
function numberAsText({ value }: { value: unknown }): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/** The seed spells the page parameter both `page` and `page_number`. */
export class PlatformInventoryPageQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Same as page; wins when both are given' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page_number?: number;
}

/** The page asked for and the parameter its links should carry. */
export function pageOfQuery(q: PlatformPageQuery & { page_number?: number }): {
  page: number;
  pageSize: number;
  offset: number;
  param: string;
} {
  const page = q.page_number ?? q.page;
  return {
    page,
    pageSize: q.page_size,
    offset: (page - 1) * q.page_size,
    param: q.page_number !== undefined ? 'page_number' : 'page',
  };
}

export class PlatformProductionListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Part of the product line name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

export class PlatformProductionAppsQuery extends PlatformInventoryPageQuery {
  @ApiPropertyOptional({ description: 'Application name (one node of the tree)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

/** Filters of the application lists under an application (child, required, required-by). */
export class PlatformAppRelationQuery extends PlatformInventoryPageQuery {
  @ApiPropertyOptional({ description: 'Application name (one node of the tree)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Full name A.B: that application and everything below it' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  full_name?: string;

  @ApiPropertyOptional({ description: 'Username: applications this user answers for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  user?: string;

  @ApiPropertyOptional({ description: 'Role name: applications a member of this role answers for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;
}

export class PlatformAppListQuery extends PlatformInventoryPageQuery {
  @ApiPropertyOptional({ description: 'Application name (one node of the tree)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Full name A.B: that application and everything below it' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  full_path?: string;

  @IdList('User ids (1,2 or repeated): applications any answers for')
  @Transform(idList)
  response_persons?: number[];

  @ApiPropertyOptional({ enum: [0, 1], description: '0: root applications, 1: applications with a parent' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([0, 1])
  has_parent?: 0 | 1;

  @ApiPropertyOptional({ description: 'Username: applications this user answers for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  user?: string;

  @ApiPropertyOptional({ description: 'Role name: applications a member of this role answers for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;
}

/** The application's own settings, as POST and PATCH /applications/ name them. */
class PlatformAppFields {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(numberAsText)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(64)
  application_type?: string | null;

  @NullableString(64)
  run_user?: string | null;

  @NullableString(64, 'The name the seed table uses for run_user')
  run_users?: string | null;

  @NullableString(1024)
  directory?: string | null;

  @NullableString(10_000)
  startup_cmd?: string | null;

  @NullableString(10_000)
  stop_cmd?: string | null;

  @NullableString(1024)
  stdout_path?: string | null;

  @NullableString(1024)
  stderr_path?: string | null;

  @NullableString(1024)
  pid_path?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Parent application id; null for the root' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  parent_app?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Product line id' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  production?: number | null;
}

export class PlatformCreateAppBody extends PlatformAppFields {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  name: string;
}

export class PlatformUpdateAppBody extends PlatformAppFields {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Not stored for applications: refused' })
  @Allow()
  description?: unknown;

  @IdList('Ids of all the children: others listed are moved here')
  child_apps?: number[];

  @IdList('Ids of every application this one requires')
  required_apps?: number[];

  @IdList('User ids who keep answering for the application')
  response_person?: number[];
}

/** One item of POST /application/{id}/instances/. */
export class PlatformInstanceAdd {
  @ApiProperty({ description: 'Host id' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  hostid: number;

  @ApiPropertyOptional({ description: 'When given, must be the name of that host' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  hostname?: string;
}

/** One item of POST /application/{id}/response-person/. */
export class PlatformPersonAdd {
  @ApiProperty({ description: 'User id' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  id: number;

  @ApiProperty({ enum: PERSON_TYPES })
  @IsIn(PERSON_TYPES)
  type: ResponsePersonType;
}

/** One item of DELETE /application/{id}/response-person/: without a type, every capacity of the user. */
export class PlatformPersonRemove {
  @ApiProperty({ description: 'User id' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  id: number;

  @ApiPropertyOptional({ enum: PERSON_TYPES })
  @IsOptional()
  @IsIn(PERSON_TYPES)
  type?: ResponsePersonType;
}

export class PlatformHostListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Host name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ enum: HostType })
  @IsOptional()
  @IsIn(Object.values(HostType))
  host_type?: HostType;
}

export const HOST_OPERATIONS = ['add', 'update', 'delete', 'attach_app', 'deatach_app'];
export const APP_OPERATIONS = [
  'add',
  'update',
  'delete',
  'attach_host',
  'deatach_host',
  'change_deploy_setting',
  'add_required_apps',
  'remove_required_apps',
  'add_response_persons',
  'remove_response_persons',
];

/** Filters both inventory audit lists share. */
class PlatformInventoryOperationsQuery extends PlatformAuditQuery {
  @ApiPropertyOptional({ description: 'Not supported: refused' })
  @IsOptional()
  @IsString()
  op_detail?: string;
}

export class PlatformHostOperationsQuery extends PlatformInventoryOperationsQuery {
  @ApiPropertyOptional({ enum: HOST_OPERATIONS })
  @IsOptional()
  @IsIn(HOST_OPERATIONS)
  op_type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  hostname?: string;
}

export class PlatformAppOperationsQuery extends PlatformInventoryOperationsQuery {
  @ApiPropertyOptional({ enum: APP_OPERATIONS })
  @IsOptional()
  @IsIn(APP_OPERATIONS)
  op_type?: string;

  @ApiPropertyOptional({ description: 'Full name of the application (A.B)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  app_name?: string;
}

/** The application filters a platform list may carry, by their wire names. */
export interface PlatformAppFilterParams {
  name?: string;
  fullName?: string;
  hasParent?: 0 | 1;
  responsePersons?: number[];
  user?: string;
  role?: string;
}

/**
 * The service filter for the wire filters. Person filters (response_persons, user, role) each name
 * a set of people; given together, an application matches through a person in all of them.
 */
export async function appFilterOf(
  p: PlatformAppFilterParams,
  users: UsersService,
  roles: RolesService,
): Promise<AppFilter> {
  const sets: number[][] = [];
  if (p.responsePersons !== undefined) sets.push(p.responsePersons);
  if (p.user !== undefined) {
    const user = await users.findByUsername(p.user);
    sets.push(user ? [user.id] : []);
  }
  if (p.role !== undefined) sets.push(await roleMemberIds(p.role, roles));
  const people = sets.length ? sets.reduce((acc, s) => acc.filter((id) => s.includes(id))) : undefined;
  return {
    name: p.name,
    fullName: p.fullName,
    hasParent: p.hasParent === undefined ? undefined : p.hasParent === 1,
    responsePersonIds: people,
  };
}

/** Ids of the direct members of the role with exactly this name (none when there is no such role). */
async function roleMemberIds(name: string, roles: RolesService): Promise<number[]> {
  const [candidates] = await roles.list(name, 0, MAX_PAGE_SIZE);
  const role = candidates.find((r) => r.name === name);
  if (!role) return [];
  const ids: number[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const [members, total] = await roles.members(role.id, offset, MAX_PAGE_SIZE);
    ids.push(...members.map((u) => u.id));
    if (offset + MAX_PAGE_SIZE >= total) return ids;
  }
}

/** The applications with these ids, in the given order; 404 naming the item (`fieldOf(i)`) of a missing one. */
export async function existingApps(
  apps: ApplicationsService,
  ids: readonly number[],
  fieldOf: (i: number) => string,
): Promise<Application[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? (await apps.list({ ids: unique }, 0, unique.length))[0] : [];
  return ids.map((id, i) => {
    const app = rows.find((a) => a.id === id);
    if (!app) throw new NotFoundError('application', id, fieldOf(i));
    return app;
  });
}

/** Each application once, for bodies that list one twice. */
export function distinctApps(apps: readonly Application[]): Application[] {
  return [...new Map(apps.map((a) => [a.id, a])).values()];
}
