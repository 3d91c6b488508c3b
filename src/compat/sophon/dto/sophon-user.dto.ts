import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** POST /api/user/login. */
export class SophonLoginBody {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

/** POST /api/user/reg. Form posts send `type` as text, hence the conversion. */
export class SophonRegisterBody {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiProperty({ enum: [0, 1], description: '0 developer, 1 operator' })
  @Type(() => Number)
  @IsInt()
  @IsIn([0, 1])
  type: number;

  @ApiPropertyOptional({ description: 'OpenSSH public key' })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  public_key?: string;
}

/** PUT /api/user/password. */
export class SophonPasswordBody {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}
