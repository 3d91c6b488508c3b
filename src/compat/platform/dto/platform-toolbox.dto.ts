import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { CdnRefreshTask } from '../../../toolbox/entities/cdn-refresh-task.entity';
import type { ExternalNavigator } from '../../../toolbox/entities/external-navigator.entity';
import { PlatformPageQuery } from './platform-page.query';

export class PlatformNavigatorListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Part of the navigator name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;
}

/** Name, image and url; the service checks each (http/https only). */
export class PlatformNavigatorBody {
  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Required on create: /path/on/this/site.jpg or an http(s) URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  img?: string;

  @ApiPropertyOptional({ description: 'Required on create: an http(s) URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;
}

/** The seed documents PATCH on the collection: the navigator's id then comes in the body. */
export class PlatformNavigatorPatchBody extends PlatformNavigatorBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id: number;
}

export class PlatformCdnTaskListQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'wangsu, tecent, ali (or WANGSU, TECENT_CDN, ALI_CDN)' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  cdn_service_provider?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  created_time__gt?: Date;

  @ApiPropertyOptional({ description: 'Created at or before (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  created_time__lt?: Date;
}

/** Checked by the service, which names the seed's causes (30001-30004). */
export class PlatformCdnTaskBody {
  @ApiProperty({ type: [String] })
  @Allow()
  urls: unknown;

  @ApiProperty({ description: 'wangsu, tecent, ali (or WANGSU, TECENT_CDN, ALI_CDN)' })
  @Allow()
  cdn_service_provider: unknown;

  @ApiProperty({ enum: ['single_file', 'recursive'] })
  @Allow()
  refresh_mode: unknown;
}

/** The object model's provider names, read as the request example's. */
const PROVIDER_ALIASES: Record<string, string> = { ali_cdn: 'ali', tecent_cdn: 'tecent', tencent: 'tecent' };

export function cdnProviderOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
}

export function toPlatformNavigator(n: ExternalNavigator) {
  return { id: n.id, name: n.name, img: n.img, url: n.url, creator: n.creatorName };
}

export function toPlatformCdnTask(t: CdnRefreshTask) {
  return {
    id: t.id,
    urls: t.urls,
    cdn_service_provider: t.provider,
    refresh_mode: t.refreshMode,
    creator: t.creatorName,
    status: t.status,
    error: t.error,
    created_time: new Date(t.createdAt).toISOString(),
    finished_time: t.finishedAt ? new Date(t.finishedAt).toISOString() : null,
  };
}
