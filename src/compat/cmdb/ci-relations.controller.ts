import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiCatalogService } from '../../cmdb/ci/ci-catalog.service';
import { CiQueriesService } from '../../cmdb/ci/ci-queries.service';
import { CiRelationsService } from '../../cmdb/ci/ci-relations.service';
import { CiSearchService } from '../../cmdb/ci/ci-search.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { searchAnswer, searchParams } from './cmdb-search-wire';
import {
  AddCiRelationParams,
  CiRelationBatchParams,
  RelatedCisParams,
  RelationSearchParams,
  RelationStatisticsParams,
} from './dto/ci-params.dto';

const DELETED = { message: 'CIType Relation is deleted' };

/** `/api/v0.1/ci_relations`: parent (first) → child (second) links between CIs. */
@ApiTags('cmdb')
@Controller('api/v0.1/ci_relations')
export class CiRelationsController {
  constructor(
    private readonly relations: CiRelationsService,
    private readonly queries: CiQueriesService,
    private readonly catalogs: CiCatalogService,
    private readonly searchService: CiSearchService,
  ) {}

  /**
   * CIs exactly `level` steps below `root_id`, searched like `/ci/s`; without a type in `q`, only
   * the types reachable from the root's type at those depths.
   */
  @Get(['s', 'search'])
  async search(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationSearchParams) {
    return searchAnswer(await this.searchService.searchRelated(actor, p.root_id, p.level, searchParams(p)));
  }

  /** The same search sent as a POST, as veops takes it. */
  @Post(['s', 'search'])
  @HttpCode(200)
  searchByPost(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationSearchParams) {
    return this.search(actor, p);
  }

  /** How many CIs sit exactly `level` steps below each root: `{"<root id>": n}`. */
  @Get('statistics')
  async statistics(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationStatisticsParams) {
    const counts = await this.relations.countAtLevel(actor, p.root_ids, p.level, p.type_ids);
    return Object.fromEntries([...counts].map(([root, n]) => [String(root), n]));
  }

  /** Children under parents: `parents` as `{attribute: value}` (many to one) or a list of CI ids. */
  @Post('batch')
  @HttpCode(200)
  async batch(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CiRelationBatchParams) {
    await this.relations.batch(actor, p.ci_ids, p.parents);
    return { code: 200 };
  }

  @Put('batch')
  batchPut(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CiRelationBatchParams) {
    return this.batch(actor, p);
  }

  @Get(':id/second_cis')
  async children(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: RelatedCisParams,
  ) {
    const { numfound, rows } = await this.related(actor, id, 'children', p);
    return { numfound, total: rows.length, page: p.page, second_cis: rows };
  }

  @Get(':id/first_cis')
  async parents(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: RelatedCisParams,
  ) {
    const { numfound, rows } = await this.related(actor, id, 'parents', p);
    return { numfound, total: rows.length, page: p.page, first_cis: rows };
  }

  /**
   * The relation type is the one of the relation between the CIs' types; a `relation_type(_id)`
   * sent must be that one. An existing pair answers its id.
   */
  @Post(':first/:second')
  @HttpCode(200)
  async add(
    @CurrentPrincipal() actor: Principal,
    @Param('first', CmdbIdPipe) first: number,
    @Param('second', CmdbIdPipe) second: number,
    @CmdbParams() p: AddCiRelationParams,
  ) {
    const id = await this.relations.add(actor, first, second, {
      relationType: p.relation_type_id ?? p.relation_type,
      more: p.more,
    });
    return { cr_id: id };
  }

  @Delete(':first/:second')
  async removePair(
    @CurrentPrincipal() actor: Principal,
    @Param('first', CmdbIdPipe) first: number,
    @Param('second', CmdbIdPipe) second: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.relations.removePair(actor, first, second);
    return DELETED;
  }

  @Delete(':id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.relations.removeById(actor, id);
    return DELETED;
  }

  private async related(actor: Principal, id: number, direction: 'children' | 'parents', p: RelatedCisParams) {
    const { numfound, cis } = await this.relations.related(actor, id, direction, p.relation_type, p.offset, p.pageSize);
    return { numfound, rows: await this.queries.rows(await this.catalogs.load(), cis, {}) };
  }
}
