import {
  createParamDecorator,
  ExecutionContext,
  NotFoundException,
  PipeTransform,
  ValidationPipe,
} from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsString, ValidateBy, ValidateIf } from 'class-validator';
import type { Request } from 'express';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../../common/pagination/page.args';

/** The original's default page size (`DEFAULT_PAGE_COUNT`). */
export const CMDB_DEFAULT_PAGE_SIZE = 50;

/**
 * The request's parameter set as the CMDB reads it (cmdb.md §3): a JSON object body is the whole set
 * and the query string is ignored; otherwise query and form fields, first value of a repeated name.
 * The same rule as the key-signature check, so the parameters acted on are the ones that were signed.
 */
export function cmdbParams(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const json = Boolean(req.is('application/json'));
  if (json && body !== undefined && !isObject) throw new InvalidInputError('body', 'must be a JSON object');
  if (json && isObject && Object.keys(body).length > 0) return { ...(body as Record<string, unknown>) };
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...(req.query as object), ...(isObject ? body : {}) })) {
    params[k] = Array.isArray(v) ? v[0] : v;
  }
  return params;
}

const readParams = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  cmdbParams(ctx.switchToHttp().getRequest<Request>()),
);

// The global pipe skips custom decorators; these two validate them.
// The original reads each parameter by name and never looks at the rest, so a client's extra names
// are dropped, not refused: the document's `_type`, veops's options (`constraint`, `reverse`), a
// cache-busting `_`, the `ci_id` the official SDK puts in a delete's body.
const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: false,
  transform: true,
  validateCustomDecorators: true,
  stopAtFirstError: true,
});

// Where the original hands every parameter to its model (attribute, CI type and user fields), an
// unknown name failed there (500); here it is a 400 naming it. Roles too: a `uid` sent there would
// otherwise be dropped while the caller believes it set it.
const strictValidation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: true,
  stopAtFirstError: true,
});

/** The CMDB parameter set (§3), validated against the DTO class of the parameter; other names are dropped. */
export const CmdbParams = (): ParameterDecorator => readParams(validation);

/** The same, refusing names the DTO does not declare: for the fields of attributes, CI types, users and roles. */
export const CmdbStrictParams = (): ParameterDecorator => readParams(strictValidation);

/** The whole parameter set unvalidated: CI writes take any attribute name as a key. */
export const CmdbAllParams = (): ParameterDecorator => readParams();

// --- conversions of §3: form and query values arrive as strings, JSON values as themselves

/** A whole number, from a number or a numeric string; anything else is left for the validator to refuse. */
export function toInt(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return value;
}

/** JSON booleans, 0/1, and the strings true/false/1/0 (case-insensitive). */
export function toBool(value: unknown): unknown {
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
  }
  return value;
}

/**
 * A list: a JSON array, a string holding a JSON array, a comma-separated string (empty items
 * dropped), or one JSON number as a list of one (`{"attr_id": 5}`, `{"level": 2}`), as veops reads it.
 */
export function toList(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return value;
  if (value.trim().startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const IntParam = () => Transform(({ value }: { value: unknown }) => toInt(value));
export const BoolParam = () => Transform(({ value }: { value: unknown }) => toBool(value));
export const ListParam = () => Transform(({ value }: { value: unknown }) => toList(value));
/** A list of attribute keys (name, alias or id): ids may come as JSON numbers, as the original takes them. */
export const KeyListParam = () =>
  Transform(({ value }: { value: unknown }) => {
    const list = toList(value);
    return Array.isArray(list) ? list.map((k) => (typeof k === 'number' ? String(k) : k)) : list;
  });
export const IntListParam = () =>
  Transform(({ value }: { value: unknown }) => {
    const list = toList(value);
    return Array.isArray(list) ? list.map(toInt) : list;
  });

/** The one app we have: `cmdb`, id 1. */
export const CMDB_APP_ID = 1;

/** `app_id` names the app by id or name; anything but ours is `App <x> does not exist`. */
export function IsCmdbApp(): PropertyDecorator {
  return ValidateBy({
    name: 'isCmdbApp',
    validator: {
      validate: (value: unknown) => value === 'cmdb' || value === CMDB_APP_ID || value === String(CMDB_APP_ID),
      defaultMessage: (args) =>
        `App ${typeof args?.value === 'object' ? JSON.stringify(args.value) : String(args?.value)} does not exist`,
    },
  });
}

/** May be left out, but not sent as null (use IsOptional where null means "clear it"). */
export const OptionalParam = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** `Argument <x> is required`, the original's message for a missing argument. */
export const required = (name: string) => ({ message: `Argument ${name} is required` });

/** Every CMDB request may carry the API-key signature fields; the guard has checked them already. */
export class CmdbSignedParams {
  @OptionalParam()
  @IsString()
  _key?: string;

  @OptionalParam()
  @IsString()
  _secret?: string;
}

/** Parameters of every ACL endpoint: the signature fields and the optional `app_id`. */
export class CmdbAppParams extends CmdbSignedParams {
  @OptionalParam()
  @IsCmdbApp()
  app_id?: string | number;
}

/** A whole number of at least 1, else undefined (the caller's default). */
function pageNumber(value: unknown): number | undefined {
  const n = toInt(value);
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** A page size: as pageNumber, at most our largest page. */
function pageSize(value: unknown): number | undefined {
  const n = pageNumber(value);
  return n === undefined ? undefined : Math.min(n, MAX_PAGE_SIZE);
}

/**
 * `page` and `page_size` as the original reads them: not a whole number or below 1 falls back to the
 * default. The original has no largest page, and its own UI asks for `page_size=10000` to list a
 * whole catalog, so a size over our maximum is served at the maximum; `numfound` tells the rest.
 */
export class CmdbPageParams extends CmdbAppParams {
  @Transform(({ value }: { value: unknown }) => pageNumber(value) ?? 1)
  @IsInt()
  page = 1;

  @Transform(({ value }: { value: unknown }) => pageSize(value) ?? CMDB_DEFAULT_PAGE_SIZE)
  @IsInt()
  page_size = CMDB_DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.page_size;
  }
}

/**
 * Paging of CI lists: `page`, and the page size as `count` or else `page_size`; a value that is
 * not a whole number of at least 1 falls back to the default, as in the original, and a size over
 * our maximum is served at the maximum (see CmdbPageParams).
 */
export class CmdbCountParams extends CmdbSignedParams {
  @Transform(({ value }: { value: unknown }) => pageNumber(value) ?? 1)
  @IsInt()
  page = 1;

  @Transform(({ value }: { value: unknown }) => pageSize(value))
  @OptionalParam()
  @IsInt()
  count?: number;

  @Transform(({ value }: { value: unknown }) => pageSize(value))
  @OptionalParam()
  @IsInt()
  page_size?: number;

  get pageSize(): number {
    return this.count ?? this.page_size ?? CMDB_DEFAULT_PAGE_SIZE;
  }

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

/** `ret_key`: name, alias or id; anything else means name, as in the original. */
export const RetKeyParam = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'alias' || value === 'id' || value === 'name' ? value : 'name',
  );

/**
 * An id in the path. The original's routes take `<int:…>`, so `/ci/abc` matches no route there:
 * a 404 as for any unknown URL, not a 400.
 */
export class CmdbIdPipe implements PipeTransform<string, number> {
  /** What an `<int:…>` path segment of the original matches. */
  static readonly SEGMENT = /^\d{1,15}$/;

  transform(value: string): number {
    if (!CmdbIdPipe.SEGMENT.test(value)) {
      throw new NotFoundException('The requested URL was not found on the server.');
    }
    return Number(value);
  }
}
