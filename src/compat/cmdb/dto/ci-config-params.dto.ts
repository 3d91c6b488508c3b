// Parameters of the CMDB configuration endpoints (attributes, CI types, groups, relation types,
// type relations). Both generations' names are accepted: `attr_name` or `name`, `type_name` or
// `name`, `is_multivalue` or `is_list`, value types as codes or words.
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { parseValueType } from '../../../cmdb/ci/value-types';
import {
  BoolParam,
  CmdbPageParams,
  CmdbSignedParams,
  IntListParam,
  IntParam,
  ListParam,
  OptionalParam,
  required,
} from '../cmdb-params';

const VALUE_TYPE_CODES = ['0', '1', '2', '3', '4', '5', '6'];

/** A name, id or alias: what the original's lookups take. */
const KeyParam = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value));

// --- attributes

export class AttributeSearchParams extends CmdbPageParams {
  /** Part of the name or alias. */
  @OptionalParam()
  @IsString()
  q?: string;

  @OptionalParam()
  @IsString()
  name?: string;

  @OptionalParam()
  @IsString()
  alias?: string;
}

class AttributeFieldsParams extends CmdbSignedParams {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  alias?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  attr_alias?: string | null;

  @OptionalParam()
  @Transform(({ value }: { value: unknown }) => parseValueType(value) ?? value)
  @IsIn(VALUE_TYPE_CODES, {
    message: 'value_type must be one of 0-6 or int, float, text, datetime, date, time, json',
  })
  value_type?: string;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_list?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_multivalue?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_unique?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_uniq?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_index?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_link?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_password?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_sortable?: boolean;

  /** Derived from `choice_value`; accepted and ignored. */
  @IsOptional()
  is_choice?: unknown;

  @IsOptional()
  @ListParam()
  @IsArray()
  choice_value?: unknown[] | null;
}

export class CreateAttributeParams extends AttributeFieldsParams {
  @ValidateIf((p: CreateAttributeParams) => p.attr_name === undefined)
  @IsDefined(required('name'))
  @IsString()
  @MaxLength(64)
  name?: string;

  @OptionalParam()
  @IsString()
  @MaxLength(64)
  attr_name?: string;
}

export class UpdateAttributeParams extends AttributeFieldsParams {
  @OptionalParam()
  @IsString()
  @MaxLength(64)
  name?: string;

  @OptionalParam()
  @IsString()
  @MaxLength(64)
  attr_name?: string;
}

// --- CI types

export class TypeListParams extends CmdbSignedParams {
  @OptionalParam()
  @IsString()
  type_name?: string;
}

export class TypeQueryParams extends CmdbSignedParams {
  @IsDefined(required('q'))
  @KeyParam()
  @IsString()
  q: string;
}

class TypeFieldsParams extends CmdbSignedParams {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  alias?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  type_alias?: string | null;

  /** The key attribute by name, id or alias; the 2016 names are `unique` (name) and `_id` (id). */
  @OptionalParam()
  @KeyParam()
  @IsString()
  unique_key?: string;

  @OptionalParam()
  @KeyParam()
  @IsString()
  unique?: string;

  @OptionalParam()
  @KeyParam()
  @IsString()
  _id?: string;

  @OptionalParam()
  @KeyParam()
  @IsString()
  unique_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  icon_url?: string | null;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  enabled?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_attached?: boolean;

  @OptionalParam()
  @IntParam()
  @IsInt()
  order?: number;

  get uniqueKey(): string | undefined {
    return this.unique_key ?? this.unique ?? this._id ?? this.unique_id;
  }
}

export class CreateTypeParams extends TypeFieldsParams {
  @ValidateIf((p: CreateTypeParams) => p.type_name === undefined)
  @IsDefined(required('name'))
  @IsString()
  @MaxLength(64)
  name?: string;

  @OptionalParam()
  @IsString()
  @MaxLength(64)
  type_name?: string;
}

export class UpdateTypeParams extends TypeFieldsParams {
  @OptionalParam()
  @IsString()
  @MaxLength(64)
  name?: string;

  @OptionalParam()
  @IsString()
  @MaxLength(64)
  type_name?: string;
}

export class EnableTypeParams extends CmdbSignedParams {
  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  enable?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  enabled?: boolean;
}

export class AddTypeAttributesParams extends CmdbSignedParams {
  @IsDefined(required('attr_id'))
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  attr_id: number[];

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  is_required?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  default_show?: boolean;
}

export class UpdateTypeAttributesParams extends CmdbSignedParams {
  /** Only a JSON body can carry it, as in the original. */
  @IsDefined(required('attributes'))
  @IsArray({ message: 'attributes must be a list' })
  @IsObject({ each: true, message: 'attributes must be a list of {attr_id, is_required, order, default_show}' })
  attributes: Record<string, unknown>[];
}

export class RemoveTypeAttributesParams extends CmdbSignedParams {
  @IsDefined(required('attr_id'))
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  attr_id: number[];
}

// --- groups

export class TypeGroupsParams extends CmdbSignedParams {
  @OptionalParam()
  @BoolParam()
  need_other?: unknown;
}

export class CreateTypeGroupParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;

  @OptionalParam()
  @IntParam()
  @IsInt()
  order?: number;
}

export class UpdateTypeGroupParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;

  @OptionalParam()
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  type_ids?: number[];
}

export class AttributeGroupParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;

  @OptionalParam()
  @IntParam()
  @IsInt()
  order?: number;

  /** Attributes of the type by name, id or alias, in group order. */
  @OptionalParam()
  @ListParam()
  @IsArray()
  attributes?: (string | number)[];
}

/** `from`/`to` of the transfer endpoints: a group id or name, or `{attr_id, group_id | group_name, order}`. */
export class TransferParams extends CmdbSignedParams {
  @IsDefined(required('from'))
  from: unknown;

  @IsDefined(required('to'))
  to: unknown;
}

// --- relation types and CI type relations

export class RelationTypeParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;
}

export class TypeRelationParams extends CmdbSignedParams {
  @ValidateIf((p: TypeRelationParams) => p.relation_type === undefined)
  @IsDefined(required('relation_type_id'))
  @IntParam()
  @IsInt()
  @Min(1)
  relation_type_id?: number;

  /** The relation type's name (the 2016 document's parameter). */
  @OptionalParam()
  @KeyParam()
  @IsString()
  relation_type?: string;
}
