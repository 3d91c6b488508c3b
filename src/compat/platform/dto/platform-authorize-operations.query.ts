import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PlatformPageQuery } from './platform-page.query';

const ACTIONS = ['enable', 'disable'];
const TARGET_TYPES = ['user', 'role'];

/** Filters of both authorize-operation lists. */
class PlatformAuthorizeOperationsQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Username of who granted' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operator?: string;

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

  @ApiPropertyOptional({ description: 'At or before this time (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  op_time__lt?: Date;

  @ApiPropertyOptional({ description: 'At or after this time (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  op_time__gt?: Date;
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
