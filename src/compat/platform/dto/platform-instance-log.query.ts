import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const UINT = /^\d{1,15}$/;
const UINT_MESSAGE = '$property must be a non-negative integer';

/** Query of /application/{id}/instance/{id}/log/; numbers stay strings for the window rules to check. */
export class PlatformInstanceLogQuery {
  @ApiPropertyOptional({ enum: ['stdout', 'error'], default: 'stdout' })
  @IsOptional()
  @IsIn(['stdout', 'error'])
  log_type?: 'stdout' | 'error';

  @ApiPropertyOptional({ enum: ['bytes', 'lines'], default: 'bytes' })
  @IsOptional()
  @IsIn(['bytes', 'lines'])
  mode?: 'bytes' | 'lines';

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  from_position?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  from_last_position?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  block_size?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  lines?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  from_lines?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  latest_lines?: string;

  @IsOptional()
  @Matches(UINT, { message: UINT_MESSAGE })
  latest_lines_offset?: string;
}
