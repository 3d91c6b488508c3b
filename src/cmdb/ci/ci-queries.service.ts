import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { NotFoundError } from '../../common/errors/domain-errors';
import { AppConfig } from '../../config/app-config';
import { CatalogAttribute, CatalogType, CiCatalog } from './ci-catalog';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { resolveFields } from './ci-input';
import { CiPermissionsService } from './ci-permissions.service';
import { ciRow, RetKey, shownValue } from './ci-row';
import { CiValuesService } from './ci-values.service';
import { CiRelation } from './entities/ci-relation.entity';
import { Ci } from './entities/ci.entity';
import { StoredValue } from './value-types';

export interface RowOptions {
  retKey?: RetKey;
  /** Attribute keys (name, id or alias); every attribute of each CI's type when empty. */
  fields?: readonly (string | number)[];
  /** The parameter the field list came in, for errors (`fl`, `fields`). */
  fieldsParam?: string;
}

export interface RowPage {
  numfound: number;
  rows: Record<string, unknown>[];
}

/** The heartbeat rule: an agent silent this long is dead. */
export const HEARTBEAT_EXPIRY_MINUTES = 72;

/** `-1` never seen, `0` dead (silent 72 minutes or more), `1` alive. */
export type AgentStatus = -1 | 0 | 1;

export interface HeartbeatRow {
  hostname: unknown;
  ip: unknown;
  type: string;
  status: AgentStatus;
}

/** Reading CIs: single CIs, CIs of a type, children, heartbeats. Reads need `read` on the CI's type. */
@Injectable()
export class CiQueriesService {
  constructor(
    private readonly db: CiDbService,
    private readonly catalogs: CiCatalogService,
    private readonly values: CiValuesService,
    private readonly perms: CiPermissionsService,
    private readonly config: AppConfig,
  ) {}

  /** The CI row (404 when unknown). */
  async get(actor: Principal, ciId: number): Promise<Ci> {
    const ci = await this.db.dataSource.getRepository(Ci).findOneBy({ id: ciId });
    if (!ci) throw new NotFoundError('CI', ciId);
    const catalog = await this.catalogs.load();
    await this.perms.assert(actor, catalog.typeById(ci.typeId)?.name ?? String(ci.typeId), 'read');
    return ci;
  }

  /** Several CIs by id, in the order asked, skipping unknown ones and types the caller may not read. */
  async getMany(actor: Principal, ids: readonly number[]): Promise<Ci[]> {
    if (ids.length === 0) return [];
    const cis = await this.db.dataSource.getRepository(Ci).findBy({ id: In([...ids]) });
    const readable = await this.readableTypeIds(actor, await this.catalogs.load());
    const byId = new Map(cis.filter((c) => readable === null || readable.has(c.typeId)).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)).filter((c): c is Ci => !!c);
  }

  /** A CI as a row, with its children one level down grouped by their type's name. */
  async withChildren(actor: Principal, ciId: number, opts: RowOptions): Promise<Record<string, unknown>> {
    const ci = await this.get(actor, ciId);
    const catalog = await this.catalogs.load();
    const [row] = await this.rows(catalog, [ci], opts);
    const childIds = (await this.db.dataSource.getRepository(CiRelation).find({ where: { firstCiId: ciId } })).map(
      (r) => r.secondCiId,
    );
    const readable = await this.readableTypeIds(actor, catalog);
    const children = (childIds.length ? await this.db.dataSource.getRepository(Ci).findBy({ id: In(childIds) }) : [])
      .filter((c) => readable === null || readable.has(c.typeId))
      .sort((a, b) => a.id - b.id);
    const childRows = await this.rows(catalog, children, { retKey: opts.retKey });
    const grouped: Record<string, Record<string, unknown>[]> = {};
    for (const child of childRows) (grouped[String(child.ci_type)] ??= []).push(child);
    return { ...grouped, ...row };
  }

  /** CIs of one type by id, a page at a time. */
  async pageOfType(actor: Principal, typeKey: string | number, offset: number, limit: number, known?: CiCatalog) {
    const catalog = known ?? (await this.catalogs.load());
    const type = catalog.type(typeKey);
    if (!type) throw new NotFoundError('CIType', typeKey);
    await this.perms.assert(actor, type.name, 'read');
    const [cis, numfound] = await this.db.dataSource
      .getRepository(Ci)
      .findAndCount({ where: { typeId: type.id }, order: { id: 'ASC' }, skip: offset, take: limit });
    return { catalog, type, numfound, cis };
  }

  /** The same page as rows. */
  async byType(actor: Principal, typeKey: string | number, offset: number, limit: number, opts: RowOptions) {
    const { catalog, type, numfound, cis } = await this.pageOfType(actor, typeKey, offset, limit);
    return { type, numfound, rows: await this.rows(catalog, cis, opts) };
  }

  /** Rows for CIs (in the order given): one query per value table involved. */
  async rows(
    catalog: CiCatalog,
    cis: readonly Pick<Ci, 'id' | 'typeId'>[],
    opts: RowOptions,
  ): Promise<Record<string, unknown>[]> {
    const fields = resolveFields(catalog, opts.fields, opts.fieldsParam ?? 'fields');
    const attrs = this.attributesToLoad(catalog, cis, fields);
    const loaded = await this.values.load(
      this.db.dataSource.manager,
      cis.map((c) => c.id),
      attrs,
    );
    return cis.map((ci) => {
      const values = new Map<number, StoredValue[]>();
      for (const [attrId, list] of loaded.get(ci.id) ?? [])
        values.set(
          attrId,
          list.map((v) => v.value),
        );
      return ciRow(catalog, { id: ci.id, typeId: ci.typeId, values }, { retKey: opts.retKey, fields });
    });
  }

  /**
   * Every attribute of each CI's type with its value as rows show it (null when unset) and as a
   * list (empty when unset): one query per value table involved.
   */
  async valueLists(
    catalog: CiCatalog,
    cis: readonly Pick<Ci, 'id' | 'typeId'>[],
  ): Promise<Map<number, { attr: CatalogAttribute; value: unknown; values: unknown[] }[]>> {
    const loaded = await this.values.load(
      this.db.dataSource.manager,
      cis.map((c) => c.id),
      this.attributesToLoad(catalog, cis, undefined),
    );
    const result = new Map<number, { attr: CatalogAttribute; value: unknown; values: unknown[] }[]>();
    for (const ci of cis) {
      const type = catalog.typeById(ci.typeId);
      const attrs = type ? catalog.typeAttributes(type) : [];
      result.set(
        ci.id,
        attrs.map((attr) => {
          const stored = loaded
            .get(ci.id)
            ?.get(attr.id)
            ?.map((v) => v.value);
          const value = shownValue(attr, stored);
          return { attr, value, values: value === null ? [] : Array.isArray(value) ? value : [value] };
        }),
      );
    }
    return result;
  }

  /** The ids of the types the caller may read; null for an administrator (all of them). */
  async readableTypeIds(actor: Principal, catalog: CiCatalog): Promise<Set<number> | null> {
    if (actor.isAdmin) return null;
    return new Set((await this.perms.permittedTypes(actor, catalog.types, 'read')).map((t) => t.id));
  }

  /**
   * Agents' liveness (cmdb.md §6.3): CIs of the type (or of every type carrying the configured
   * hostname or IP attribute), 50 a page, each as hostname, first IP, type name and status.
   */
  async heartbeats(
    actor: Principal,
    typeKey: string | undefined,
    status: AgentStatus | undefined,
    offset: number,
    limit: number,
  ): Promise<{ numfound: number; rows: HeartbeatRow[] }> {
    const catalog = await this.catalogs.load();
    const hostname = catalog.attribute(this.config.cmdb.heartbeatHostnameAttr);
    const ip = catalog.attribute(this.config.cmdb.heartbeatIpAttr);
    let types: CatalogType[];
    if (typeKey) {
      const type = catalog.type(typeKey);
      if (!type) throw new NotFoundError('CIType', typeKey, 'ci_type');
      types = [type];
    } else {
      types = catalog.types.filter((t) => t.attributes.some((a) => a.attrId === hostname?.id || a.attrId === ip?.id));
    }
    types = await this.perms.permittedTypes(actor, types, 'read');
    if (types.length === 0) return { numfound: 0, rows: [] };
    const expiry = new Date(Date.now() - HEARTBEAT_EXPIRY_MINUTES * 60_000);
    const qb = this.db.dataSource
      .getRepository(Ci)
      .createQueryBuilder('c')
      .where('c.typeId IN (:...typeIds)', { typeIds: types.map((t) => t.id) });
    if (status === -1) qb.andWhere('c.heartbeat IS NULL');
    if (status === 0) qb.andWhere('c.heartbeat <= :expiry', { expiry });
    if (status === 1) qb.andWhere('c.heartbeat > :expiry', { expiry });
    const [cis, numfound] = await qb.orderBy('c.id').skip(offset).take(limit).getManyAndCount();
    const attrs = [hostname, ip].filter((a): a is CatalogAttribute => !!a);
    const loaded = await this.values.load(
      this.db.dataSource.manager,
      cis.map((c) => c.id),
      attrs,
    );
    const show = (ciId: number, attr: CatalogAttribute | undefined) => {
      if (!attr) return null;
      const shown = shownValue(
        attr,
        loaded
          .get(ciId)
          ?.get(attr.id)
          ?.map((v) => v.value),
      );
      return Array.isArray(shown) ? (shown[0] ?? null) : shown;
    };
    return {
      numfound,
      rows: cis.map((c) => ({
        hostname: show(c.id, hostname),
        ip: show(c.id, ip),
        type: catalog.typeById(c.typeId)?.name ?? '',
        status: c.heartbeat === null ? -1 : c.heartbeat > expiry ? 1 : 0,
      })),
    };
  }

  private attributesToLoad(
    catalog: CiCatalog,
    cis: readonly Pick<Ci, 'typeId'>[],
    fields: CatalogAttribute[] | undefined,
  ): CatalogAttribute[] {
    const out = new Map<number, CatalogAttribute>();
    const typeIds = new Set(cis.map((c) => c.typeId));
    for (const typeId of typeIds) {
      const type = catalog.typeById(typeId);
      if (!type) continue;
      // The key value is always shown (`_unique`), whatever the field list.
      const key = catalog.uniqueAttribute(type);
      if (key) out.set(key.id, key);
      for (const a of fields ?? catalog.typeAttributes(type)) out.set(a.id, a);
    }
    return [...out.values()];
  }
}
