import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PlatformPageQuery } from './platform-page.query';

export class PlatformAuthTokenListQuery extends PlatformPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string;
}

export class PlatformCreateAuthTokenBody {
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

export class PlatformUpdateAuthTokenBody {
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
