import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { NotFoundError } from '../../common/errors/domain-errors';
import { buildCatalog, compileCiSearch, facetValue, SearchCatalog } from '../search/ci-query-compiler';
import { parseQuery, SearchQuery, withTypeFilter } from '../search/query-parser';
import { CatalogAttribute, CiCatalog } from './ci-catalog';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { CiPermissionsService } from './ci-permissions.service';
import { CiQueriesService } from './ci-queries.service';
import { CiRelationsService } from './ci-relations.service';
import { RetKey } from './ci-row';
import { Ci } from './entities/ci.entity';

export interface CiSearchParams {
  /** The expression: a string (comma-separated terms or a JSON array) or a list of terms. */
  q: string | readonly string[];
  /** Attributes to show (name, id or alias); every attribute of each CI's type when empty. */
  fl?: readonly string[];
  facet?: readonly string[];
  retKey?: RetKey;
  page?: number;
  count?: number;
  sort?: string;
  /** Only CIs of this type (name, id or alias); with an empty `q`, every CI of it. */
  type?: string | number;
}

/** One facet value: `[value, number of matching CIs holding it, attribute key]`. */
export type FacetEntry = [unknown, number, string | number];

export interface CiSearchResult {
  numfound: number;
  page: number;
  /** The page's CIs, in order. */
  cis: Pick<Ci, 'id' | 'typeId'>[];
  /** The page's CIs as rows. */
  rows: Record<string, unknown>[];
  /** Per facet attribute key, over the whole match; empty when nothing matched. */
  facet: Record<string, FacetEntry[]>;
  /** Facets with their attributes, for typed answers. */
  facets: { attribute: CatalogAttribute; values: { value: unknown; count: number }[] }[];
  /** Rows of each type in the page, by type name. */
  counter: Record<string, number>;
}

/** The search catalog: live attributes except passwords (their values are sealed, so never searchable). */
function searchCatalog(catalog: CiCatalog): SearchCatalog {
  return buildCatalog(
    catalog.attributes
      .filter((a) => !a.isPassword)
      .map((a) => ({
        id: a.id,
        name: a.name,
        alias: a.alias,
        valueType: a.valueType,
        isList: a.isList,
        isIndex: a.isIndex,
      })),
    catalog.types.map((t) => ({ id: t.id, name: t.name, alias: t.alias })),
  );
}

/**
 * The CMDB search language over CIs (cmdb.md §4, §5): the query is compiled to SQL (count, ordered
 * page, facets) and run; only the page's values are loaded. Searches see CIs of the types the
 * caller may read.
 */
@Injectable()
export class CiSearchService {
  constructor(
    private readonly db: CiDbService,
    private readonly catalogs: CiCatalogService,
    private readonly queries: CiQueriesService,
    private readonly relations: CiRelationsService,
    private readonly perms: CiPermissionsService,
  ) {}

  async search(actor: Principal, params: CiSearchParams, known?: CiCatalog): Promise<CiSearchResult> {
    const catalog = known ?? (await this.catalogs.load());
    let query = parseQuery(params.q, 'q');
    if (params.type === undefined || params.type === '') return this.run(actor, catalog, query, params);
    const type = catalog.type(params.type);
    if (!type) throw new NotFoundError('CIType', params.type, 'type');
    if (query.terms.length === 0) query = withTypeFilter(query, [String(type.id)]);
    return this.run(actor, catalog, query, params, undefined, type.id);
  }

  /**
   * CIs exactly `levels` steps below a root (parent → child), searched with `params`. Without a
   * type in the query, only the types reachable from the root's type at those depths are searched.
   */
  async searchRelated(
    actor: Principal,
    rootId: number | undefined,
    levels: readonly number[],
    params: CiSearchParams,
  ): Promise<CiSearchResult> {
    const root = rootId === undefined ? null : await this.db.dataSource.getRepository(Ci).findOneBy({ id: rootId });
    if (!root) throw new NotFoundError('CI', rootId ?? '', 'root_id');
    const catalog = await this.catalogs.load();
    await this.perms.assert(actor, catalog.typeById(root.typeId)?.name ?? String(root.typeId), 'read');
    let query = parseQuery(params.q, 'q');
    const ids = await this.relations.descendants(root.id, levels);
    const page = params.page ?? 1;
    if (ids.size === 0) return { numfound: 0, page, cis: [], rows: [], facet: {}, facets: [], counter: {} };
    if (query.types.length === 0) {
      const typeIds = [...(await this.relations.typesAtLevels(root.typeId, levels))];
      if (typeIds.length === 0) return { numfound: 0, page, cis: [], rows: [], facet: {}, facets: [], counter: {} };
      query = withTypeFilter(query, typeIds.map(String));
    }
    return this.run(actor, catalog, query, params, [...ids]);
  }

  private async run(
    actor: Principal,
    catalog: CiCatalog,
    query: SearchQuery,
    params: CiSearchParams,
    ciIds?: number[],
    onlyType?: number,
  ): Promise<CiSearchResult> {
    let readable = await this.queries.readableTypeIds(actor, catalog);
    if (onlyType !== undefined) readable = new Set(!readable || readable.has(onlyType) ? [onlyType] : []);
    const retKey = params.retKey ?? 'name';
    const compiled = compileCiSearch(query, searchCatalog(catalog), this.db.dialect, {
      page: params.page,
      count: params.count,
      sort: params.sort,
      facet: params.facet,
      retKey,
      ciIds,
      allowedTypeIds: readable ? [...readable] : undefined,
    });
    const ds = this.db.dataSource;
    // Count and page are independent: on MySQL they run on two pooled connections at once.
    const [[countRow], page] = (await Promise.all([
      ds.query(compiled.countSql.text, [...compiled.countSql.params]),
      ds.query(compiled.pageSql.text, [...compiled.pageSql.params]),
    ])) as [{ numfound: unknown }[], { id: unknown; type_id: unknown }[]];
    const numfound = Number(countRow?.numfound ?? 0);
    const cis = page.map((r) => ({ id: Number(r.id), typeId: Number(r.type_id) }));
    const rows = await this.queries.rows(catalog, cis, { retKey, fields: params.fl, fieldsParam: 'fl' });

    const facet: Record<string, FacetEntry[]> = {};
    const facets: CiSearchResult['facets'] = [];
    if (numfound > 0) {
      for (const f of compiled.facets) {
        const attribute = catalog.attributeById(f.attribute.id) as CatalogAttribute;
        const result = (await ds.query(f.sql.text, [...f.sql.params])) as { value: unknown; ci_count: unknown }[];
        const values = result.map((r) => ({
          value: facetValue(f.attribute.valueType, r.value),
          count: Number(r.ci_count),
        }));
        facet[f.key] = values.map((v) => [v.value, v.count, retKey === 'id' ? attribute.id : f.key]);
        facets.push({ attribute, values });
      }
    }
    const counter: Record<string, number> = {};
    for (const ci of cis) {
      const name = catalog.typeById(ci.typeId)?.name ?? String(ci.typeId);
      counter[name] = (counter[name] ?? 0) + 1;
    }
    return { numfound, page: compiled.page, cis, rows, facet, facets, counter };
  }
}
