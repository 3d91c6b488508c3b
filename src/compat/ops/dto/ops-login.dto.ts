import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** POST /api/login. The seed's example sends `name`, its argument list says `username`: both are read. */
export class OpsLoginBody {
  @ApiPropertyOptional({ description: 'The user name (as in the seed example)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;

  @ApiPropertyOptional({ description: 'The user name (as in the seed argument list)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  username?: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

/** GET /api/login. */
export class OpsLoginStatusQuery {
  @ApiPropertyOptional({ description: 'Whose login to check; the caller’s token must belong to this user' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  username?: string;
}
