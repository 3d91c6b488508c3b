import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { GraphqlContext, requestLoader } from '../../common/graphql/request-loader';
import { CiAttributesService } from './ci-attributes.service';
import { CatalogBundle, CiCatalogService } from './ci-catalog.service';
import { CiQueriesService } from './ci-queries.service';
import { CiRelationsService } from './ci-relations.service';
import { CiTypeRelationsService } from './ci-type-relations.service';
import { CiTypesService } from './ci-types.service';
import { CiTypeAttributeItem, CiValue } from './dto/ci.objects';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';
import { Ci } from './entities/ci.entity';

/**
 * The per-request DataLoaders of the CI engine's GraphQL fields: a list of N CIs (or types) costs
 * a fixed number of queries, not N.
 */
@Injectable()
export class CiGraphqlLoaders {
  constructor(
    private readonly catalogs: CiCatalogService,
    private readonly attributes: CiAttributesService,
    private readonly types: CiTypesService,
    private readonly typeRelationsService: CiTypeRelationsService,
    private readonly queries: CiQueriesService,
    private readonly relations: CiRelationsService,
  ) {}

  /** The catalog, read once per request. */
  bundle(ctx: GraphqlContext): Promise<CatalogBundle> {
    return requestLoader<number, CatalogBundle>(ctx, 'ci.catalog', async (keys) => {
      const bundle = await this.catalogs.loadBundle();
      return keys.map(() => bundle);
    }).load(0);
  }

  async type(ctx: GraphqlContext, typeId: number): Promise<CiType | null> {
    return (await this.bundle(ctx)).types.get(typeId) ?? null;
  }

  /** Limits the values shown for these CIs (a search's `fields`) to these attributes. */
  showOnly(ctx: GraphqlContext, cis: readonly Ci[], attrIds: readonly number[]): void {
    const shown = this.shownFields(ctx);
    cis.forEach((ci) => shown.set(ci, new Set(attrIds)));
  }

  /** Every attribute of the CI's type with its typed value (or only `fields`, by name, id or alias). */
  async values(ctx: GraphqlContext, ci: Ci, fields?: readonly string[]): Promise<CiValue[]> {
    const all = await this.allValues(ctx, ci);
    if (fields && fields.length > 0) {
      const { catalog } = await this.bundle(ctx);
      const wanted = new Set(fields.map((f) => catalog.attribute(f)?.id));
      return all.filter((v) => wanted.has(v.attribute.id));
    }
    const shown = this.shownFields(ctx).get(ci);
    return shown ? all.filter((v) => shown.has(v.attribute.id)) : all;
  }

  private shownFields(ctx: GraphqlContext): WeakMap<Ci, Set<number>> {
    const holder = ctx as GraphqlContext & { ciShownFields?: WeakMap<Ci, Set<number>> };
    return (holder.ciShownFields ??= new WeakMap());
  }

  private allValues(ctx: GraphqlContext, ci: Ci): Promise<CiValue[]> {
    return requestLoader<Ci, CiValue[]>(ctx, 'ci.values', async (cis) => {
      const bundle = await this.bundle(ctx);
      const lists = await this.queries.valueLists(bundle.catalog, cis);
      return cis.map((c) =>
        (lists.get(c.id) ?? []).map(({ attr, value, values }) => ({
          attribute: bundle.attributes.get(attr.id) as CiAttribute,
          value,
          values,
        })),
      );
    }).load(ci);
  }

  choices(ctx: GraphqlContext, attr: CiAttribute): Promise<unknown[]> {
    return requestLoader<CiAttribute, unknown[]>(ctx, 'ci.attribute.choices', async (attrs) => {
      const choices = await this.attributes.choicesOf(attrs);
      return attrs.map((a) => choices.get(a.id) ?? []);
    }).load(attr);
  }

  typeAttributes(ctx: GraphqlContext, typeId: number): Promise<CiTypeAttributeItem[]> {
    return requestLoader<number, CiTypeAttributeItem[]>(ctx, 'ci.type.attributes', async (ids) => {
      const carried = await this.types.attributesOfTypes(ids);
      return ids.map((id) =>
        (carried.get(id) ?? []).map(({ attribute, link }) => ({
          attribute,
          isRequired: link.isRequired,
          defaultShow: link.defaultShow,
          position: link.position,
        })),
      );
    }).load(typeId);
  }

  async uniqueKey(ctx: GraphqlContext, type: CiType): Promise<string | null> {
    return (await this.bundle(ctx)).attributes.get(type.uniqueId)?.name ?? null;
  }

  /** The relations where the type is the parent (`children`) or the child (`parents`). */
  typeRelations(ctx: GraphqlContext, typeId: number, side: 'children' | 'parents'): Promise<CiTypeRelation[]> {
    return requestLoader<number, CiTypeRelation[]>(ctx, `ci.type.${side}`, async (ids) => {
      const all = await this.typeRelationsService.list();
      return ids.map((id) => all.filter((r) => (side === 'children' ? r.parentId : r.childId) === id));
    }).load(typeId);
  }

  relationType(ctx: GraphqlContext, id: number): Promise<CiRelationType | null> {
    return requestLoader<number, CiRelationType | null>(ctx, 'ci.relationType', async (ids) => {
      const rows = await this.relations.relationTypesById(ids);
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    }).load(id);
  }

  /** A CI by id, or null when unknown or of a type the caller may not read. */
  ci(ctx: GraphqlContext, actor: Principal, id: number): Promise<Ci | null> {
    return requestLoader<number, Ci | null>(ctx, 'ci.byId', async (ids) => {
      const cis = await this.queries.getMany(actor, ids);
      return ids.map((i) => cis.find((c) => c.id === i) ?? null);
    }).load(id);
  }
}
