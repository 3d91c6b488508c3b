// Parameters of the CMDB `/api/v1/acl` endpoints, as read by CmdbParams (query, form or JSON body).
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import {
  BoolParam,
  CmdbAppParams,
  CmdbPageParams,
  IntListParam,
  IntParam,
  ListParam,
  OptionalParam,
  required,
} from '../cmdb-params';

// --- roles

export class ListRolesParams extends CmdbPageParams {
  @OptionalParam()
  @IsString()
  q?: string;

  /** Whether to include users' personal roles; we have none, so it changes nothing. */
  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  user_role?: boolean;
}

// Required fields are declared apart from the optional ones: an inherited @IsOptional would cover both.
class RoleFieldsParams extends CmdbAppParams {
  @IsOptional()
  @IsString()
  @MaxLength(255)
  description?: string | null;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_app_admin?: boolean;
}

export class CreateRoleParams extends RoleFieldsParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;
}

export class UpdateRoleParams extends RoleFieldsParams {
  @OptionalParam()
  @IsString()
  name?: string;
}

export class RoleParentParams extends CmdbAppParams {
  @IsDefined(required('parent_id'))
  @IntParam()
  @IsInt()
  parent_id: number;
}

export class PermsParams extends CmdbAppParams {
  @IsDefined(required('perms'))
  @ListParam()
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  perms: string[];
}

// --- resource types

export class ListResourceTypesParams extends CmdbPageParams {
  @OptionalParam()
  @IsString()
  q?: string;
}

class ResourceTypeFieldsParams extends CmdbAppParams {
  @IsOptional()
  @IsString()
  @MaxLength(255)
  description?: string | null;

  @OptionalParam()
  @ListParam()
  @IsArray()
  @IsString({ each: true })
  perms?: string[];
}

export class CreateResourceTypeParams extends ResourceTypeFieldsParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;
}

export class UpdateResourceTypeParams extends ResourceTypeFieldsParams {
  @OptionalParam()
  @IsString()
  name?: string;
}

// --- resources and groups

export class ListResourcesParams extends CmdbPageParams {
  @OptionalParam()
  @IsString()
  q?: string;

  @OptionalParam()
  @IntParam()
  @IsInt()
  @Min(1)
  resource_type_id?: number;

  /** The name the create endpoint uses for the same thing. */
  @OptionalParam()
  @IntParam()
  @IsInt()
  @Min(1)
  type_id?: number;
}

export class CreateResourceParams extends CmdbAppParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;

  @IsDefined(required('type_id'))
  @IntParam()
  @IsInt()
  type_id: number;
}

export class RenameResourceParams extends CmdbAppParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;
}

export class GroupItemsParams extends CmdbAppParams {
  @IsDefined(required('items'))
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  items: number[];
}

// --- users

export class ListUsersParams extends CmdbPageParams {
  @OptionalParam()
  @IsString()
  q?: string;
}

class UserFieldsParams extends CmdbAppParams {
  @IsOptional()
  @IsString()
  nickname?: string | null;

  @IsOptional()
  @IsString()
  mobile?: string | null;

  @IsOptional()
  @IsString()
  department?: string | null;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_admin?: boolean;
}

export class CreateUserParams extends UserFieldsParams {
  @IsDefined(required('username'))
  @IsString()
  username: string;

  @IsDefined(required('email'))
  @IsString()
  email: string;

  /** Optional as in the original; without one the account gets a random password until it is reset. */
  @OptionalParam()
  @IsString()
  password?: string;
}

export class UpdateUserParams extends UserFieldsParams {
  @OptionalParam()
  @IsString()
  username?: string;

  @IsOptional()
  @IsString()
  email?: string | null;

  /** true disables the account, false enables it. */
  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  block?: boolean;
}
