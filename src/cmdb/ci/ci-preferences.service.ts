import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CiDbService } from './ci-db.service';
import { auditCmdb } from './cmdb-audit';
import { pickByKey } from './named-rows';
import { CiPermissionsService } from './ci-permissions.service';
import { CiTypesService, TypeAttributeView } from './ci-types.service';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiPreferenceAttribute } from './entities/ci-preference-attribute.entity';
import { CiPreferenceTreeView } from './entities/ci-preference-tree-view.entity';
import { CiRelationView } from './entities/ci-relation-view.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';
import { relationViewLayout, RelationViewLayout, TypePair } from './relation-view';

export interface ShownAttributes {
  attributes: CiAttribute[];
  /** False when the user chose nothing and the type's default columns are shown. */
  isSubscribed: boolean;
}

export interface TreeView {
  view: CiPreferenceTreeView;
  type: CiType;
  levels: CiAttribute[];
}

export interface RelationViews {
  views: { view: CiRelationView; layout: RelationViewLayout }[];
  /** Every type the views mention. */
  types: CiType[];
}

/**
 * Per-user display preferences (the columns shown for a type, tree views) and the shared
 * relation views, which administrators define.
 */
@Injectable()
export class CiPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly types: CiTypesService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  /** Types the user chose columns for (`instance`) or made a tree of (`tree`). */
  async preferredTypes(actor: Principal, opts: { instance: boolean; tree: boolean }): Promise<CiType[]> {
    const ids = new Set<number>();
    if (opts.instance) {
      const rows = await this.dataSource.getRepository(CiPreferenceAttribute).findBy({ userId: actor.userId });
      rows.forEach((r) => ids.add(r.typeId));
    }
    if (opts.tree) {
      const rows = await this.dataSource.getRepository(CiPreferenceTreeView).findBy({ userId: actor.userId });
      rows.forEach((r) => ids.add(r.typeId));
    }
    return (await this.types.getMany([...ids])).sort((a, b) => a.id - b.id);
  }

  /** The user's columns for the type, in their order; else the type's default-shown attributes. */
  async shownAttributes(actor: Principal, typeKey: string | number): Promise<ShownAttributes> {
    const type = await this.types.get(typeKey);
    const carried = await this.types.attributesOf(type.id);
    const prefs = await this.dataSource
      .getRepository(CiPreferenceAttribute)
      .find({ where: { userId: actor.userId, typeId: type.id }, order: { position: 'ASC', id: 'ASC' } });
    const chosen = prefs
      .map((p) => carried.find((c) => c.attribute.id === p.attrId))
      .filter((c): c is TypeAttributeView => !!c);
    if (chosen.length > 0) return { attributes: chosen.map((c) => c.attribute), isSubscribed: true };
    return { attributes: carried.filter((c) => c.link.defaultShow).map((c) => c.attribute), isSubscribed: false };
  }

  /** Replaces the user's columns for the type with these attributes of it, in this order. */
  async setShownAttributes(actor: Principal, typeId: number, keys: readonly (string | number)[]): Promise<void> {
    const type = await this.types.get(typeId);
    const carried = await this.types.attributesOf(type.id);
    const attrIds = keys.map((key) => this.carriedAttribute(carried, key, 'attr').id);
    await this.db.write(async (em) => {
      await em.delete(CiPreferenceAttribute, { userId: actor.userId, typeId: type.id });
      await this.db.insertMany(
        em,
        CiPreferenceAttribute,
        [...new Set(attrIds)].map((attrId, position) => ({ userId: actor.userId, typeId: type.id, attrId, position })),
      );
      await auditCmdb(
        this.audit,
        em,
        actor,
        { type: 'ci_preference', id: type.id, name: type.name },
        'set_attributes',
        { after: { attrIds } },
      );
    });
  }

  async treeViews(actor: Principal): Promise<TreeView[]> {
    const views = await this.dataSource
      .getRepository(CiPreferenceTreeView)
      .find({ where: { userId: actor.userId }, order: { id: 'ASC' } });
    const types = await this.types.getMany(views.map((v) => v.typeId));
    const attrIds = [...new Set(views.flatMap((v) => v.levels))];
    const attrs = attrIds.length
      ? await this.dataSource.getRepository(CiAttribute).findBy({ id: In(attrIds), deleted: false })
      : [];
    return views
      .map((view) => ({
        view,
        type: types.find((t) => t.id === view.typeId) as CiType,
        levels: view.levels.map((id) => attrs.find((a) => a.id === id)).filter((a): a is CiAttribute => !!a),
      }))
      .filter((v) => v.type !== undefined);
  }

  /** Saves the user's tree of the type; an empty `levels` removes it (answering null). */
  async setTreeView(
    actor: Principal,
    typeId: number,
    levels: readonly (string | number)[],
  ): Promise<CiPreferenceTreeView | null> {
    const type = await this.types.get(typeId);
    const carried = await this.types.attributesOf(type.id);
    const ids = levels.map((key) => this.carriedAttribute(carried, key, 'levels').id);
    return this.db.write(async (em) => {
      const existing = await em.findOneBy(CiPreferenceTreeView, { userId: actor.userId, typeId: type.id });
      let saved: CiPreferenceTreeView | null = null;
      if (ids.length === 0) {
        if (existing) await em.delete(CiPreferenceTreeView, { id: existing.id });
      } else {
        saved = await em.save(
          Object.assign(existing ?? em.create(CiPreferenceTreeView, { userId: actor.userId, typeId: type.id }), {
            levels: ids,
          }),
        );
      }
      await auditCmdb(this.audit, em, actor, { type: 'ci_tree_view', id: type.id, name: type.name }, 'set', {
        after: { levels: ids },
      });
      return saved;
    });
  }

  // --- relation views (shared)

  async relationViews(): Promise<RelationViews> {
    const views = await this.dataSource.getRepository(CiRelationView).find({ order: { id: 'ASC' } });
    const edges = await this.dataSource.getRepository(CiTypeRelation).find({ order: { id: 'ASC' } });
    const childTypesOf = (typeId: number) => edges.filter((e) => e.parentId === typeId).map((e) => e.childId);
    const laidOut = views
      .map((view) => ({ view, layout: relationViewLayout(view.crIds, childTypesOf) }))
      .filter((v): v is RelationViews['views'][number] => v.layout !== undefined);
    const typeIds = new Set<number>();
    for (const { view, layout } of laidOut) {
      view.crIds.forEach((p) => typeIds.add(p.parent_id).add(p.child_id));
      Object.values(layout.node2showTypes).forEach((ids) => ids.forEach((id) => typeIds.add(id)));
    }
    return { views: laidOut, types: await this.types.getMany([...typeIds]) };
  }

  /** Creates or replaces the view of that name. */
  async saveRelationView(actor: Principal, name: string, pairs: readonly TypePair[]): Promise<CiRelationView> {
    this.perms.assertConfig(actor, 'Managing relation views');
    const clean = typeof name === 'string' ? name.trim() : '';
    if (clean.length === 0 || clean.length > 64) throw new InvalidInputError('name', 'must be 1-64 characters');
    if (pairs.length === 0) throw new InvalidInputError('cr_ids', 'a relation view needs at least one CIType relation');
    const crIds = pairs.map((p) => ({ parent_id: Number(p.parent_id), child_id: Number(p.child_id) }));
    if (!relationViewLayout(crIds, () => []))
      throw new InvalidInputError('cr_ids', 'the CIType relations form a cycle');
    return this.db.write(async (em) => {
      for (const p of crIds) {
        if (!(await em.existsBy(CiTypeRelation, { parentId: p.parent_id, childId: p.child_id }))) {
          throw new NotFoundError('CIType relation', `${p.parent_id} -> ${p.child_id}`, 'cr_ids');
        }
      }
      const existing = await em.findOneBy(CiRelationView, { name: clean });
      const saved = await em.save(Object.assign(existing ?? em.create(CiRelationView, { name: clean }), { crIds }));
      const target = { type: 'ci_relation_view', id: saved.id, name: clean };
      await auditCmdb(this.audit, em, actor, target, existing ? 'update' : 'create', { after: { crIds } });
      return saved;
    });
  }

  async deleteRelationView(actor: Principal, name: string): Promise<void> {
    this.perms.assertConfig(actor, 'Managing relation views');
    await this.db.write(async (em) => {
      const view = await em.findOneBy(CiRelationView, { name });
      if (!view) throw new NotFoundError('relation view', name, 'name');
      await em.delete(CiRelationView, { id: view.id });
      await auditCmdb(this.audit, em, actor, { type: 'ci_relation_view', id: view.id, name: name }, 'delete', {
        after: null,
      });
    });
  }

  private carriedAttribute(carried: readonly TypeAttributeView[], key: string | number, field: string): CiAttribute {
    const hit = pickByKey(
      carried.map((c) => c.attribute),
      key,
    );
    if (!hit) throw new NotFoundError('attribute of the CIType', key, field);
    return hit;
  }
}
