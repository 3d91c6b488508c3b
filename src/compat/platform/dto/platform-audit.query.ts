import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { PlatformPageQuery } from './platform-page.query';

/** Filters every platform audit list shares: who acted, and when. */
export class PlatformAuditQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Username of who acted' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operator?: string;

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
