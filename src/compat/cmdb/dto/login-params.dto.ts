import { IsDefined, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CmdbSignedParams, OptionalParam, required } from '../cmdb-params';

/** `POST /api/login`: `username` (or `email`) and `password`. */
export class LoginParams extends CmdbSignedParams {
  @ValidateIf((p: LoginParams) => p.email === undefined)
  @IsDefined(required('username'))
  @IsString()
  @MaxLength(255)
  username?: string;

  @OptionalParam()
  @IsString()
  @MaxLength(255)
  email?: string;

  @IsDefined(required('password'))
  @IsString()
  @MaxLength(1024)
  password: string;
}
