import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/pagination/page.args';

/** The platform's common list parameters: `page` from 1, `page_size` 10 by default. */
export class PlatformPageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ default: 10, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  page_size = 10;
}

/** Rows to skip for the page (a function, not a getter: a client's `offset` must reach validation, not a setter). */
export function offsetOf(q: { page: number; page_size: number }): number {
  return (q.page - 1) * q.page_size;
}
