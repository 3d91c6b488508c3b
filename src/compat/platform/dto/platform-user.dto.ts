import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserStatus } from '../../../acl/entities/user.entity';
import { PlatformPageQuery } from './platform-page.query';

export class PlatformUserListQuery extends PlatformPageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ enum: UserStatus })
  @IsOptional()
  @IsIn(Object.values(UserStatus))
  status?: UserStatus;
}

/** PATCH /users/{id}/: the profile; `name` is the display name. Null clears a field. */
export class PlatformUpdateUserBody {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  name?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  department?: string | null;
}

export class PlatformChangePasswordBody {
  @ApiPropertyOptional({
    description: "Required to change your own password; an administrator setting another user's may omit it",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  original_password?: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  new_password: string;
}

export class PlatformForgetPasswordBody {
  @ApiProperty({ description: "The user's own email address" })
  @IsEmail()
  @MaxLength(255)
  email: string;
}
