import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PlatformAuditQuery } from './platform-audit.query';

const ACTIONS = ['enable', 'disable'];
const TARGET_TYPES = ['user', 'role'];

/** Filters of both authorize-operation lists. */
class PlatformAuthorizeOperationsQuery extends PlatformAuditQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  perm_name?: string;

  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS)
  action?: string;

  @ApiPropertyOptional({ enum: TARGET_TYPES })
  @IsOptional()
  @IsIn(TARGET_TYPES)
  authorized_target_type?: 'user' | 'role';

  @ApiPropertyOptional({ description: 'Username or role name; needs authorized_target_type' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  authorized_target_name?: string;
}

export class PlatformModuleOperationsQuery extends PlatformAuthorizeOperationsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  module_name?: string;
}

export class PlatformResourceOperationsQuery extends PlatformAuthorizeOperationsQuery {
  @ApiPropertyOptional({ enum: ['host', 'application', 'business'] })
  @IsOptional()
  @IsIn(['host', 'application', 'business'])
  resource_type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  resource_id?: number;
}
