import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** POST /api/host. The inventory checks the name, the address and the key, naming the field. */
export class SophonNewHostBody {
  @ApiProperty()
  @IsString()
  @Length(1, 255)
  hostname: string;

  @ApiProperty({ description: 'IPv4 or IPv6 address: the private address and the one to log in by' })
  @IsString()
  @MaxLength(45)
  ip: string;

  @ApiProperty({ description: 'Private key (PEM or OpenSSH); stored sealed, never returned' })
  @IsString()
  @MaxLength(16384)
  ssh_secret_key: string;

  @ApiPropertyOptional({ default: 'root', description: 'The user to log in as' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_][A-Za-z0-9._-]{0,63}$/, { message: '$property must be a user name such as root or deploy' })
  ssh_user?: string;
}
