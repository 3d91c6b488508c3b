import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Permission codes as ops writes them: `"1,2,3"`, or `""` for none. */
const CODES = /^\s*(\d{1,9}\s*(,\s*\d{1,9}\s*)*)?$/;
const CODES_MESSAGE = '$property must be comma-separated permission codes such as "1,2,3"';

/** Users one POST may add. */
export const MAX_USERS_PER_ADD = 100;

/** POST /api/user: `action` decides the shape of `data`, checked by the classes below. */
export class OpsUserActionBody {
  @ApiProperty({ enum: ['add', 'update'] })
  @IsIn(['add', 'update'])
  action: 'add' | 'update';

  @ApiProperty({ description: 'add: a user or a list of users; update: one user. A JSON string in form posts.' })
  @IsDefined()
  data: unknown;
}

export class OpsNewUser {
  @IsString()
  @MaxLength(255)
  mail: string;

  @IsString()
  @Length(1, 64)
  username: string;

  @IsString()
  @MaxLength(1024)
  passwd: string;

  @IsString()
  @MaxLength(128)
  department: string;

  @IsString()
  @Matches(CODES, { message: CODES_MESSAGE })
  permissions: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  nickname?: string;
}

export class OpsAddUsers {
  @IsIn(['add'])
  action: 'add';

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_USERS_PER_ADD)
  @ValidateNested({ each: true })
  @Type(() => OpsNewUser)
  data: OpsNewUser[];
}

/** The user is matched by `username`; absent fields stay as they are. */
export class OpsUserChanges {
  @IsString()
  @Length(1, 64)
  username: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  mail?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  old_passwd?: string;

  @ValidateIf((o: OpsUserChanges) => o.new_passwd !== undefined || o.old_passwd !== undefined)
  @IsDefined({ message: '$property is required when old_passwd is given' })
  @IsString()
  @MaxLength(1024)
  new_passwd?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  department?: string;

  @IsOptional()
  @IsString()
  @Matches(CODES, { message: CODES_MESSAGE })
  permissions?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  nickname?: string;
}

export class OpsUpdateUser {
  @IsIn(['update'])
  action: 'update';

  @IsObject()
  @ValidateNested()
  @Type(() => OpsUserChanges)
  data: OpsUserChanges;
}

/** DELETE /api/user: `username` in the query string or, as form clients send it, in the body. */
export class OpsDeleteUserArgs {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  username?: string;
}
