import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CI_CONTROL_KEYS, NoAttributePolicy } from '../../cmdb/ci/ci-input';
import { CiQueriesService } from '../../cmdb/ci/ci-queries.service';
import { CiSearchService } from '../../cmdb/ci/ci-search.service';
import { CisService, ExistPolicy } from '../../cmdb/ci/cis.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { cmdbTime } from './acl-wire';
import { CMDB_DEFAULT_PAGE_SIZE, CmdbAllParams, CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { searchAnswer, searchParams } from './cmdb-search-wire';
import { CiBatchParams, CiGetParams, CiSearchParams, CisByTypeParams, HeartbeatListParams } from './dto/ci-params.dto';

type Params = Record<string, unknown>;

function oneOf<T extends string>(params: Params, names: string[], allowed: readonly T[], fallback: T): T {
  for (const name of names) {
    const v = params[name];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      throw new InvalidInputError(name, `must be one of ${allowed.join(', ')}`);
    }
    return v as T;
  }
  return fallback;
}

/** The write options a CI request carries besides its values. */
function writeOptions(params: Params, existFallback: ExistPolicy) {
  const ticket = params.ticket_id;
  if (ticket !== undefined && ticket !== null && typeof ticket !== 'string' && typeof ticket !== 'number') {
    throw new InvalidInputError('ticket_id', 'must be a string');
  }
  return {
    noAttributePolicy: oneOf<NoAttributePolicy>(
      params,
      ['_no_attribute_policy', 'no_attribute_policy'],
      ['ignore', 'reject'],
      'ignore',
    ),
    existPolicy: oneOf<ExistPolicy>(params, ['exist_policy'], ['reject', 'need', 'replace'], existFallback),
    ticketId: ticket === undefined || ticket === null ? null : String(ticket).slice(0, 64),
  };
}

function typeKey(params: Params): string | number | undefined {
  const t = params.ci_type;
  if (t === undefined || t === null || t === '') return undefined;
  if (typeof t !== 'string' && typeof t !== 'number')
    throw new InvalidInputError('ci_type', 'must be a type name or id');
  return t;
}

/**
 * `/api/v0.1/ci`: CIs. Values come as any key naming an attribute of the CI's type (name, id or
 * alias), from a JSON body, a form or the query string.
 */
@ApiTags('cmdb')
@Controller('api/v0.1/ci')
export class CisController {
  constructor(
    private readonly cis: CisService,
    private readonly queries: CiQueriesService,
    private readonly searchService: CiSearchService,
  ) {}

  /**
   * The search language (cmdb.md §4): `{numfound, total, page, facet, counter, result}`. A bad
   * term, an unknown attribute or type in `q`, `fl`, `facet` or `sort` is a 400.
   */
  @Get(['s', 'search'])
  async search(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CiSearchParams) {
    return searchAnswer(await this.searchService.search(actor, searchParams(p)));
  }

  /** The same search sent as a POST, as veops takes it (a long `q` fits in a body). */
  @Post(['s', 'search'])
  @HttpCode(200)
  searchByPost(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CiSearchParams) {
    return this.search(actor, p);
  }

  /** Agents' liveness, 50 a page: `[hostname, first private IP, type name, status]`. */
  @Get('heartbeat')
  async heartbeats(@CurrentPrincipal() actor: Principal, @CmdbParams() p: HeartbeatListParams) {
    const size = CMDB_DEFAULT_PAGE_SIZE;
    const { numfound, rows } = await this.queries.heartbeats(
      actor,
      p.ci_type?.trim() || undefined,
      p.agent_status,
      (p.page - 1) * size,
      size,
    );
    return { numfound, result: rows.map((r) => [r.hostname, r.ip, r.type, r.status]) };
  }

  @Post('heartbeat/:ciType/:unique')
  @HttpCode(200)
  async heartbeat(
    @CurrentPrincipal() actor: Principal,
    @Param('ciType') ciType: string,
    @Param('unique') unique: string,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.cis.heartbeat(actor, ciType, unique);
    return { message: 'ok', cmd: '' };
  }

  /** Nothing is cached here, so there is nothing to refresh. */
  @Get('flush')
  flushAll(@CmdbParams() _p: CmdbSignedParams) {
    return { code: 200 };
  }

  /** Many CIs of one type in one transaction: `{ci_type, cis: [{attr: value}], exist_policy}` → `{ci_ids}`. */
  @Post('batch')
  @HttpCode(200)
  async batch(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CiBatchParams) {
    const ids = await this.cis.writeMany(actor, p.ci_type, p.cis, {
      noAttributePolicy: p._no_attribute_policy ?? p.no_attribute_policy,
      existPolicy: p.exist_policy,
      ticketId: p.ticket_id,
    });
    return { ci_ids: ids };
  }

  @Get('type/:typeId')
  async byType(
    @CurrentPrincipal() actor: Principal,
    @Param('typeId', CmdbIdPipe) typeId: number,
    @CmdbParams() p: CisByTypeParams,
  ) {
    const { numfound, rows } = await this.queries.byType(actor, typeId, p.offset, p.pageSize, {
      fields: p.fields,
      retKey: p.ret_key,
    });
    return { type_id: typeId, numfound, total: rows.length, page: p.page, cis: rows };
  }

  /** A CI whose key value exists already is refused (400), unless `exist_policy` says otherwise. */
  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbAllParams() params: Params) {
    return { ci_id: await this.cis.write(actor, typeKey(params), params, writeOptions(params, 'reject')) };
  }

  /** Upsert by the type's key value. */
  @Put()
  async upsert(@CurrentPrincipal() actor: Principal, @CmdbAllParams() params: Params) {
    return { ci_id: await this.cis.write(actor, typeKey(params), params, writeOptions(params, 'replace')) };
  }

  @Get(':id/detail')
  async detail(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    const ci = await this.queries.get(actor, id);
    return {
      id: ci.id,
      type_id: ci.typeId,
      status: ci.status,
      heartbeat: cmdbTime(ci.heartbeat),
      created_at: cmdbTime(ci.createdAt),
      updated_at: cmdbTime(ci.updatedAt),
      deleted: false,
      deleted_at: null,
    };
  }

  @Get(':id/flush')
  flushOne(@Param('id', CmdbIdPipe) _id: number, @CmdbParams() _p: CmdbSignedParams) {
    return { code: 200 };
  }

  /** Rewrites one value: the parameters hold exactly one `{attribute: value}` pair. */
  @Put(':id/unique')
  async unique(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbAllParams() params: Params,
  ) {
    const pairs = Object.entries(params).filter(([k]) => !k.startsWith('_') && !CI_CONTROL_KEYS.has(k));
    if (pairs.length !== 1) throw new InvalidInputError('unique', 'give exactly one {attribute: value} pair');
    await this.cis.update(actor, id, Object.fromEntries(pairs), { noAttributePolicy: 'reject' });
    return { ci_id: id };
  }

  /** The CI's row, with its children one level down grouped under their type's name. */
  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', CmdbIdPipe) id: number, @CmdbParams() p: CiGetParams) {
    const ci = await this.queries.withChildren(actor, id, { fields: p.fields, retKey: p.ret_key });
    return { ci_id: id, ci };
  }

  @Put(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbAllParams() params: Params,
  ) {
    const opts = writeOptions(params, 'replace');
    await this.cis.update(actor, id, params, { ...opts, typeKey: typeKey(params) });
    return { ci_id: id };
  }

  @Delete(':id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.cis.remove(actor, id);
    return { message: 'ok' };
  }
}
