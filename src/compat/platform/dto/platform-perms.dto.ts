import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { MODULE_PERMISSIONS } from '../../../acl/permission-catalog';
import type { PermissionSet } from '../platform-acl-mapping';
import { PlatformPageQuery } from './platform-page.query';

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function isPermissionSet(value: unknown): value is PermissionSet {
  if (Array.isArray(value)) return value.length <= 100 && value.every((v) => typeof v === 'string' && NAME.test(v));
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return entries.length <= 100 && entries.every(([k, v]) => NAME.test(k) && typeof v === 'boolean');
}

/** `{perm: true|false}` or `["perm", …]`; whether each name exists is the grants service's to say. */
function IsPermissionSet(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPermissionSet',
      validator: {
        validate: isPermissionSet,
        defaultMessage: (args) =>
          `${args?.property ?? 'permission'} must be an object of permission names to booleans or a list of permission names`,
      },
    },
    options,
  );
}

const PERMISSION_DOC = {
  description: 'An object of booleans (true grants, false revokes) or a list of the permissions to hold',
  oneOf: [
    { type: 'object', additionalProperties: { type: 'boolean' } },
    { type: 'array', items: { type: 'string' } },
  ],
};

/** One resource's permissions; the seed's own example also spells the field `permissions`. */
class PlatformAuthorizationEntry {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id: number;

  @ApiPropertyOptional(PERMISSION_DOC)
  @ValidateIf((o: PlatformAuthorizationEntry) => o.permissions === undefined)
  @IsPermissionSet()
  permission?: PermissionSet;

  @ApiPropertyOptional(PERMISSION_DOC)
  @IsOptional()
  @IsPermissionSet()
  permissions?: PermissionSet;
}

export class PlatformAppAuthorizationEntry extends PlatformAuthorizationEntry {
  @ApiPropertyOptional({ description: 'Informative; the id decides' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  app_name?: string;
}

export class PlatformHostAuthorizationEntry extends PlatformAuthorizationEntry {
  @ApiPropertyOptional({ description: 'Informative; the id decides' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  hostname?: string;
}

export class PlatformAppPermsBody {
  @ApiPropertyOptional({ type: [PlatformAppAuthorizationEntry] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PlatformAppAuthorizationEntry)
  authorizations?: PlatformAppAuthorizationEntry[];
}

export class PlatformHostPermsBody {
  @ApiPropertyOptional({ type: [PlatformHostAuthorizationEntry] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PlatformHostAuthorizationEntry)
  authorizations?: PlatformHostAuthorizationEntry[];
}

export class PlatformAppPermsQuery extends PlatformPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  app_name?: string;
}

export class PlatformHostPermsQuery extends PlatformPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  hostname?: string;
}

/** POST /users|roles/{id}/system/perms/: one module's permissions (the body may be a list of these). */
export class PlatformModulePerms {
  @ApiProperty({ enum: Object.keys(MODULE_PERMISSIONS) })
  @IsIn(Object.keys(MODULE_PERMISSIONS))
  module_name: string;

  @ApiProperty(PERMISSION_DOC)
  @IsPermissionSet()
  permissions: PermissionSet;
}

/** A user as a PATCH of a resource's authorizations names it; only the id counts. */
export class PlatformUserRef {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  username?: string;
}

export class PlatformRoleRef {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;
}

const ACTIONS = ['update', 'delete'] as const;

class PlatformAuthorizationChange {
  @ApiPropertyOptional(PERMISSION_DOC)
  @IsOptional()
  @IsPermissionSet()
  permission?: PermissionSet;

  @ApiPropertyOptional({ enum: ACTIONS, default: 'update', description: 'delete revokes every permission there' })
  @IsOptional()
  @IsIn(ACTIONS)
  action: (typeof ACTIONS)[number] = 'update';
}

export class PlatformUserAuthorizationChange extends PlatformAuthorizationChange {
  @ApiProperty({ type: PlatformUserRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlatformUserRef)
  user: PlatformUserRef;
}

export class PlatformRoleAuthorizationChange extends PlatformAuthorizationChange {
  @ApiProperty({ type: PlatformRoleRef })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlatformRoleRef)
  role: PlatformRoleRef;
}
