import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiAttributesService } from '../../cmdb/ci/ci-attributes.service';
import { CiPreferencesService } from '../../cmdb/ci/ci-preferences.service';
import { CiTypesService } from '../../cmdb/ci/ci-types.service';
import type { CiAttribute } from '../../cmdb/ci/entities/ci-attribute.entity';
import type { CiType } from '../../cmdb/ci/entities/ci-type.entity';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { attributeDict, typeDict } from './cmdb-wire';
import {
  PreferenceAttributesParams,
  PreferenceTypesParams,
  RelationViewNameParams,
  RelationViewParams,
  TreeViewParams,
} from './dto/ci-params.dto';

/** `/api/v0.1/preference`: the caller's columns and tree views, and the shared relation views. */
@ApiTags('cmdb')
@Controller('api/v0.1/preference')
export class CiPreferencesController {
  constructor(
    private readonly prefs: CiPreferencesService,
    private readonly types: CiTypesService,
    private readonly attributes: CiAttributesService,
  ) {}

  /** Types the caller chose columns for (`instance`) or made a tree of (`tree`). */
  @Get('ci_types')
  async preferredTypes(@CurrentPrincipal() actor: Principal, @CmdbParams() p: PreferenceTypesParams) {
    return this.typeDicts(await this.prefs.preferredTypes(actor, { instance: !!p.instance, tree: !!p.tree }));
  }

  @Get('ci_types/:key/attributes')
  async shownAttributes(
    @CurrentPrincipal() actor: Principal,
    @Param('key') key: string,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    const { attributes, isSubscribed } = await this.prefs.shownAttributes(actor, key);
    return { attributes: await this.attrDicts(attributes), is_subscribed: isSubscribed };
  }

  @Post('ci_types/:id/attributes')
  @HttpCode(200)
  async setShownAttributes(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: PreferenceAttributesParams,
  ) {
    // The newer client sends [attr, is_fixed] pairs; the column is the first element.
    const keys = p.attr.map((a, i) => {
      const key: unknown = Array.isArray(a) ? a[0] : a;
      if (typeof key !== 'string' && typeof key !== 'number')
        throw new InvalidInputError(`attr[${i}]`, 'must name an attribute');
      return key;
    });
    await this.prefs.setShownAttributes(actor, id, keys);
    return { type_id: id, attr_order: keys.map((k, i) => [k, i]) };
  }

  @Put('ci_types/:id/attributes')
  setShownAttributesPut(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: PreferenceAttributesParams,
  ) {
    return this.setShownAttributes(actor, id, p);
  }

  /** The caller's tree views: each type's fields, `type_id`, `uid` and the `levels` attributes. */
  @Get('tree/view')
  async treeViews(@CurrentPrincipal() actor: Principal, @CmdbParams() _p: CmdbSignedParams) {
    const views = await this.prefs.treeViews(actor);
    const typeDicts = await this.typeDicts(views.map((v) => v.type));
    const levels = await this.attrDicts(views.flatMap((v) => v.levels));
    return views.map((v, i) => ({
      ...typeDicts[i],
      type_id: v.type.id,
      uid: v.view.userId,
      levels: v.levels.map((a) => levels.find((d) => d.id === a.id)),
    }));
  }

  /** Saves the tree of a type; empty `levels` removes it and answers `{}`. */
  @Post('tree/view')
  @HttpCode(200)
  async setTreeView(@CurrentPrincipal() actor: Principal, @CmdbParams() p: TreeViewParams) {
    const view = await this.prefs.setTreeView(actor, p.type_id, p.levels);
    if (!view) return {};
    return { id: view.id, uid: view.userId, type_id: view.typeId, levels: view.levels.join(',') };
  }

  @Put('tree/view')
  setTreeViewPut(@CurrentPrincipal() actor: Principal, @CmdbParams() p: TreeViewParams) {
    return this.setTreeView(actor, p);
  }

  @Get('relation/view')
  relationViews(@CmdbParams() _p: CmdbSignedParams) {
    return this.relationViewsDict();
  }

  /** Creates or replaces the view of that name; answers every view. */
  @Post('relation/view')
  @HttpCode(200)
  async saveRelationView(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationViewParams) {
    await this.prefs.saveRelationView(actor, p.name, p.cr_ids);
    return this.relationViewsDict();
  }

  @Put('relation/view')
  saveRelationViewPut(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationViewParams) {
    return this.saveRelationView(actor, p);
  }

  @Delete('relation/view')
  async deleteRelationView(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationViewNameParams) {
    await this.prefs.deleteRelationView(actor, p.name);
    return { name: p.name };
  }

  /** `{views: {name: {topo, topo_flatten, leaf, leaf2show_types, node2show_types, show_types}}, id2type, name2id}`. */
  private async relationViewsDict() {
    const { views, types } = await this.prefs.relationViews();
    const dicts = new Map((await this.typeDicts(types)).map((d) => [d.id, d]));
    const typeOf = (id: number) => dicts.get(id) ?? null;
    const result: Record<string, unknown> = {};
    for (const { view, layout } of views) {
      result[view.name] = {
        topo: layout.topo,
        topo_flatten: layout.topoFlatten,
        leaf: layout.leaf,
        leaf2show_types: layout.leaf2showTypes,
        node2show_types: Object.fromEntries(
          Object.entries(layout.node2showTypes).map(([node, ids]) => [node, ids.map(typeOf)]),
        ),
        show_types: Object.values(layout.leaf2showTypes).flat().map(typeOf),
      };
    }
    const mentioned = new Set(views.flatMap(({ view }) => view.crIds.flatMap((c) => [c.parent_id, c.child_id])));
    return {
      views: result,
      id2type: Object.fromEntries([...mentioned].map((id) => [id, typeOf(id)])),
      name2id: views.map(({ view }) => [view.name, view.id]),
    };
  }

  private async typeDicts(types: readonly CiType[]) {
    const keys = await this.types.uniqueKeys(types);
    return types.map((t) => typeDict(t, keys.get(t.id) ?? null));
  }

  private async attrDicts(attrs: readonly CiAttribute[]) {
    const choices = await this.attributes.choicesOf(attrs);
    return attrs.map((a) => attributeDict(a, choices.get(a.id)));
  }
}
