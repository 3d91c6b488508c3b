import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/pagination/page.args';
import { PlatformPageQuery } from './platform-page.query';

export class PlatformRoleListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Part of the role name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class PlatformCreateRoleBody {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

export class PlatformUpdateRoleBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

/** GET /roles/{id}/users/ answers a bare array; paging is optional and a page holds up to 200. */
export class PlatformRoleMembersQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ default: MAX_PAGE_SIZE, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  page_size = MAX_PAGE_SIZE;
}
