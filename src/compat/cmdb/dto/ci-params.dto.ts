// Parameters of the CMDB's CI, CI relation, history and preference endpoints (cmdb.md §10).
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_BATCH } from '../../../cmdb/ci/cis.service';
import { MAX_LEVEL } from '../../../cmdb/ci/ci-relations.service';
import type { RetKey } from '../../../cmdb/ci/ci-row';
import {
  BoolParam,
  CmdbCountParams,
  CmdbPageParams,
  CmdbSignedParams,
  IntListParam,
  IntParam,
  KeyListParam,
  ListParam,
  OptionalParam,
  RetKeyParam,
  required,
  toInt,
} from '../cmdb-params';

// --- reading CIs

export class CiGetParams extends CmdbSignedParams {
  @OptionalParam()
  @ListParam()
  @IsArray()
  fields?: (string | number)[];

  @RetKeyParam()
  @IsIn(['name', 'alias', 'id'])
  ret_key: RetKey = 'name';
}

export class CisByTypeParams extends CmdbCountParams {
  @OptionalParam()
  @ListParam()
  @IsArray()
  fields?: (string | number)[];

  @RetKeyParam()
  @IsIn(['name', 'alias', 'id'])
  ret_key: RetKey = 'name';
}

export class HeartbeatListParams extends CmdbSignedParams {
  @OptionalParam()
  @Transform(({ value }: { value: unknown }) => {
    const n = toInt(value);
    return typeof n === 'number' && n >= 1 ? n : 1;
  })
  @IsInt()
  page = 1;

  @OptionalParam()
  @IsString()
  ci_type?: string;

  /** -1 never seen, 0 dead, 1 alive; empty means all. */
  @Transform(({ value }: { value: unknown }) => (value === '' || value === null ? undefined : toInt(value)))
  @OptionalParam()
  @IsIn([-1, 0, 1], { message: 'agent_status must be -1, 0 or 1' })
  agent_status?: -1 | 0 | 1;
}

/** `POST /ci/batch`: many CIs of one type in one transaction. */
export class CiBatchParams extends CmdbSignedParams {
  @IsDefined(required('ci_type'))
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  ci_type: string;

  @IsDefined(required('cis'))
  @IsArray()
  @ArrayMaxSize(MAX_BATCH)
  @IsObject({ each: true, message: 'cis must be a list of objects' })
  cis: Record<string, unknown>[];

  @OptionalParam()
  @IsIn(['ignore', 'reject'])
  _no_attribute_policy?: 'ignore' | 'reject';

  @OptionalParam()
  @IsIn(['ignore', 'reject'])
  no_attribute_policy?: 'ignore' | 'reject';

  @OptionalParam()
  @IsIn(['reject', 'need', 'replace'])
  exist_policy?: 'reject' | 'need' | 'replace';

  @IsOptional()
  @IsString()
  ticket_id?: string | null;
}

// --- searching

/** `q`: a string (comma-separated terms, or a JSON array of terms) or, in a JSON body, an array of terms. */
const QueryParam = () =>
  Transform(({ value }: { value: unknown }) => (value === undefined || value === null ? '' : value));

export class CiSearchParams extends CmdbCountParams {
  @QueryParam()
  @ValidateIf((p: CiSearchParams) => !Array.isArray(p.q))
  @IsString({ message: 'q must be a string or a list of terms' })
  q: string | string[] = '';

  @OptionalParam()
  @KeyListParam()
  @IsArray()
  @IsString({ each: true })
  fl?: string[];

  @OptionalParam()
  @KeyListParam()
  @IsArray()
  @IsString({ each: true })
  facet?: string[];

  @OptionalParam()
  @IsString()
  sort?: string;

  @RetKeyParam()
  @IsIn(['name', 'alias', 'id'])
  ret_key: RetKey = 'name';
}

export class RelationSearchParams extends CiSearchParams {
  /** The root CI; missing or unknown is a 404, as in the original. */
  @OptionalParam()
  @IntParam()
  @IsInt()
  root_id?: number;

  /** Depths to collect, e.g. `1,2`. */
  @OptionalParam()
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_LEVEL, { each: true })
  level: number[] = [1];
}

// --- CI relations

export class AddCiRelationParams extends CmdbSignedParams {
  @OptionalParam()
  @IntParam()
  @IsInt()
  relation_type_id?: number;

  @OptionalParam()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  relation_type?: string;

  @IsOptional()
  @IntParam()
  @IsInt()
  more?: number | null;
}

export class RelatedCisParams extends CmdbCountParams {
  /** A relation type's name. */
  @OptionalParam()
  @IsString()
  relation_type?: string;
}

export class CiRelationBatchParams extends CmdbSignedParams {
  @IsDefined(required('ci_ids'))
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  ci_ids: number[];

  /** `{attribute: value}` finding one parent by its value (many to one), or a list of parent CI ids. */
  @IsDefined(required('parents'))
  @Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    return value;
  })
  @ValidateIf((p: CiRelationBatchParams) => !Array.isArray(p.parents))
  @IsObject({ message: 'parents must be {attribute: value} or a list of CI ids' })
  parents: Record<string, unknown> | number[];
}

export class RelationStatisticsParams extends CmdbSignedParams {
  @IsDefined(required('root_ids'))
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  root_ids: number[];

  @IsDefined(required('level'))
  @IntParam()
  @IsInt()
  @Min(1)
  @Max(MAX_LEVEL)
  level: number;

  @OptionalParam()
  @IntListParam()
  @IsArray()
  @IsInt({ each: true })
  type_ids?: number[];
}

// --- history

export class HistoryRecordsParams extends CmdbPageParams {
  /** `YYYY-MM-DD HH:MM:SS`. */
  @OptionalParam()
  @IsString()
  start?: string;

  @OptionalParam()
  @IsString()
  end?: string;

  @OptionalParam()
  @IsString()
  username?: string;
}

// --- preferences

export class PreferenceTypesParams extends CmdbSignedParams {
  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  instance?: boolean;

  @OptionalParam()
  @BoolParam()
  @IsBoolean()
  tree?: boolean;
}

export class PreferenceAttributesParams extends CmdbSignedParams {
  /** The attributes to show, by name, id or alias, in order; `[attr, is_fixed]` pairs are read as attr. */
  @IsDefined(required('attr'))
  @ListParam()
  @IsArray()
  attr: unknown[];
}

export class TreeViewParams extends CmdbSignedParams {
  @IsDefined(required('type_id'))
  @IntParam()
  @IsInt()
  type_id: number;

  @IsDefined(required('levels'))
  @ListParam()
  @IsArray()
  levels: (string | number)[];
}

export class RelationViewParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;

  @IsDefined(required('cr_ids'))
  @Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  })
  @IsArray({ message: 'cr_ids must be a list of {parent_id, child_id}' })
  @IsObject({ each: true, message: 'cr_ids must be a list of {parent_id, child_id}' })
  cr_ids: { parent_id: number; child_id: number }[];
}

export class RelationViewNameParams extends CmdbSignedParams {
  @IsDefined(required('name'))
  @IsString()
  name: string;
}
