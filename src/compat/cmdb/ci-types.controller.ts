import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiAttributesService } from '../../cmdb/ci/ci-attributes.service';
import { CiTypeGroupsService, GroupRef } from '../../cmdb/ci/ci-type-groups.service';
import { CiTypesService, TypeAttributeView, TypeFields } from '../../cmdb/ci/ci-types.service';
import type { CiType } from '../../cmdb/ci/entities/ci-type.entity';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { cmdbTime } from './acl-wire';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams, CmdbStrictParams, toInt } from './cmdb-params';
import { attributeDict, typeDict } from './cmdb-wire';
import {
  AddTypeAttributesParams,
  AttributeGroupParams,
  CreateTypeGroupParams,
  CreateTypeParams,
  EnableTypeParams,
  RemoveTypeAttributesParams,
  TransferParams,
  TypeGroupsParams,
  TypeListParams,
  TypeQueryParams,
  UpdateTypeAttributesParams,
  UpdateTypeGroupParams,
  UpdateTypeParams,
} from './dto/ci-config-params.dto';

/** Both generations' field names, the first given wins. */
function typeFieldsOf(p: CreateTypeParams | UpdateTypeParams): TypeFields {
  return {
    name: p.name ?? p.type_name,
    alias: p.alias !== undefined ? p.alias : p.type_alias,
    uniqueKey: p.uniqueKey,
    iconUrl: p.icon_url,
    enabled: p.enabled,
    isAttached: p.is_attached,
    position: p.order,
  };
}

/** A group given as its id (a number or numeric string) or its name. */
function groupRef(value: unknown, field: string): GroupRef {
  const n = toInt(value);
  if (typeof n === 'number') return n;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new InvalidInputError(field, 'must name a group by id or name');
}

/** `{group_id}` or `{group_name}` inside a transfer's `from`/`to`. */
function groupOf(obj: Record<string, unknown>, field: string): GroupRef {
  return groupRef(obj.group_id ?? obj.group_name, field);
}

function objectParam(value: unknown, field: string): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      // reported below
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

/** `/api/v0.1/ci_types`: CI types, their attributes, type groups and attribute groups. */
@ApiTags('cmdb')
@Controller('api/v0.1/ci_types')
export class CiTypesController {
  constructor(
    private readonly types: CiTypesService,
    private readonly groups: CiTypeGroupsService,
    private readonly attributes: CiAttributesService,
  ) {}

  @Get()
  async list(@CmdbParams() p: TypeListParams) {
    const types = await this.types.list(p.type_name);
    return { numfound: types.length, ci_types: await this.typeDicts(types) };
  }

  // --- type groups

  /** Groups with their types; `need_other` adds the ungrouped types as a last, nameless group. */
  @Get('groups')
  async typeGroups(@CmdbParams() p: TypeGroupsParams) {
    const groups = await this.groups.typeGroups();
    const types = await this.types.list();
    const dicts = new Map((await this.typeDicts(types)).map((d) => [d.id, d]));
    const result: Record<string, unknown>[] = groups.map(({ group, typeIds }) => ({
      id: group.id,
      name: group.name,
      order: group.position,
      created_at: cmdbTime(group.createdAt),
      updated_at: cmdbTime(group.updatedAt),
      deleted: false,
      deleted_at: null,
      ci_types: typeIds.map((id) => dicts.get(id)).filter((d) => d !== undefined),
    }));
    if (p.need_other !== undefined && p.need_other !== false) {
      const grouped = new Set(groups.flatMap((g) => g.typeIds));
      result.push({ ci_types: types.filter((t) => !grouped.has(t.id)).map((t) => dicts.get(t.id)) });
    }
    return result;
  }

  @Post('groups')
  @HttpCode(200)
  async createGroup(@CurrentPrincipal() actor: Principal, @CmdbParams() p: CreateTypeGroupParams) {
    const group = await this.groups.createTypeGroup(actor, p.name, p.order);
    return {
      id: group.id,
      name: group.name,
      order: group.position,
      created_at: cmdbTime(group.createdAt),
      updated_at: cmdbTime(group.updatedAt),
      deleted: false,
      deleted_at: null,
    };
  }

  /** Renames the group; `type_ids` replaces its types. */
  @Put('groups/:gid')
  async updateGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('gid', CmdbIdPipe) gid: number,
    @CmdbParams() p: UpdateTypeGroupParams,
  ) {
    await this.groups.updateTypeGroup(actor, gid, p.name, p.type_ids);
    return { gid };
  }

  @Delete('groups/:gid')
  async deleteGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('gid', CmdbIdPipe) gid: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.groups.deleteTypeGroup(actor, gid);
    return { gid };
  }

  /** One type by id, name or alias (the original's document calls the key `citype`; both are sent). */
  @Get('query')
  async query(@CmdbParams() p: TypeQueryParams) {
    const [ci_type] = await this.typeDicts([await this.types.get(p.q)]);
    return { ci_type, citype: ci_type };
  }

  @Put('attribute_groups/:gid')
  async updateAttributeGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('gid', CmdbIdPipe) gid: number,
    @CmdbParams() p: AttributeGroupParams,
  ) {
    await this.groups.updateAttributeGroup(actor, gid, p.name, p.order ?? 0, p.attributes ?? []);
    return { group_id: gid };
  }

  @Delete('attribute_groups/:gid')
  async deleteAttributeGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('gid', CmdbIdPipe) gid: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.groups.deleteAttributeGroup(actor, gid);
    return { group_id: gid };
  }

  // --- one type

  /** By id, name or alias. */
  @Get(':key')
  async get(@Param('key') key: string, @CmdbParams() _p: CmdbSignedParams) {
    return { numfound: 1, ci_types: await this.typeDicts([await this.types.get(key)]) };
  }

  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbStrictParams() p: CreateTypeParams) {
    const type = await this.types.create(actor, typeFieldsOf(p));
    return { type_id: type.id };
  }

  @Put(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbStrictParams() p: UpdateTypeParams,
  ) {
    await this.types.update(actor, id, typeFieldsOf(p));
    return { type_id: id };
  }

  /** Refused (400) while CIs of the type exist. */
  @Delete(':id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.types.remove(actor, id);
    return { type_id: id };
  }

  @Post(':id/enable')
  @HttpCode(200)
  async enable(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: EnableTypeParams,
  ) {
    const enable = p.enable ?? p.enabled ?? true;
    await this.types.setEnabled(actor, id, enable);
    return { type_id: id, enable };
  }

  // --- the attributes a type carries

  @Get(':key/attributes')
  async typeAttributes(@Param('key') key: string, @CmdbParams() _p: CmdbSignedParams) {
    const type = await this.types.get(key);
    const carried = await this.types.attributesOf(type.id);
    const unique = carried.find((c) => c.attribute.id === type.uniqueId)?.attribute.name ?? null;
    return {
      attributes: await this.carriedDicts(carried),
      type_id: type.id,
      unique_id: type.uniqueId,
      unique,
    };
  }

  @Post(':id/attributes')
  @HttpCode(200)
  async addAttributes(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbStrictParams() p: AddTypeAttributesParams,
  ) {
    await this.types.addAttributes(actor, id, p.attr_id, { isRequired: p.is_required, defaultShow: p.default_show });
    return { attributes: p.attr_id };
  }

  /** `attributes: [{attr_id, is_required, order, default_show}]`, for attributes the type carries. */
  @Put(':id/attributes')
  async updateAttributes(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: UpdateTypeAttributesParams,
  ) {
    const items = p.attributes.map((a, i) => {
      const attrId = toInt(a.attr_id);
      if (typeof attrId !== 'number')
        throw new InvalidInputError(`attributes[${i}].attr_id`, 'must be an attribute id');
      const flag = (k: string) => {
        const v = a[k];
        if (v === undefined || v === null) return undefined;
        if (typeof v === 'boolean') return v;
        if (v === 0 || v === 1) return v === 1;
        throw new InvalidInputError(`attributes[${i}].${k}`, 'must be a boolean');
      };
      const order = a.order === undefined ? undefined : toInt(a.order);
      if (order !== undefined && typeof order !== 'number') {
        throw new InvalidInputError(`attributes[${i}].order`, 'must be a number');
      }
      return {
        attrId,
        isRequired: flag('is_required'),
        defaultShow: flag('default_show'),
        position: order as number | undefined,
      };
    });
    await this.types.updateAttributes(actor, id, items);
    return { attributes: p.attributes };
  }

  /** Also deletes those attributes' values from every CI of the type. */
  @Delete(':id/attributes')
  async removeAttributes(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: RemoveTypeAttributesParams,
  ) {
    await this.types.removeAttributes(actor, id, p.attr_id);
    return { attributes: p.attr_id };
  }

  @Post(':id/attributes/transfer')
  @HttpCode(200)
  async transferAttribute(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: TransferParams,
  ) {
    const from = objectParam(p.from, 'from');
    const to = objectParam(p.to, 'to');
    const attrId = toInt(from.attr_id);
    if (typeof attrId !== 'number') throw new InvalidInputError('from.attr_id', 'must be an attribute id');
    const order = to.order === undefined ? undefined : toInt(to.order);
    await this.groups.moveAttribute(
      actor,
      id,
      attrId,
      groupOf(to, 'to'),
      typeof order === 'number' ? order : undefined,
    );
    return { code: 200 };
  }

  // --- attribute groups of a type

  /** The type's attribute groups; `need_other` adds the ungrouped attributes as a last, nameless group. */
  @Get(':id/attribute_groups')
  async attributeGroups(@Param('id', CmdbIdPipe) id: number, @CmdbParams() p: TypeGroupsParams) {
    const type = await this.types.get(id);
    const carried = await this.types.attributesOf(type.id);
    const dicts = await this.carriedDicts(carried);
    const byId = new Map(dicts.map((d) => [d.id, d]));
    const groups = await this.groups.attributeGroups(type.id);
    const result: Record<string, unknown>[] = groups.map(({ group, attrIds }) => ({
      id: group.id,
      name: group.name,
      type_id: group.typeId,
      order: group.position,
      created_at: cmdbTime(group.createdAt),
      updated_at: cmdbTime(group.updatedAt),
      deleted: false,
      deleted_at: null,
      attributes: attrIds.map((a) => byId.get(a)).filter((d) => d !== undefined),
    }));
    if (p.need_other !== undefined && p.need_other !== false) {
      const grouped = new Set(groups.flatMap((g) => g.attrIds));
      result.push({ attributes: dicts.filter((d) => !grouped.has(d.id)) });
    }
    return result;
  }

  /** Creates the group, or updates the type's group of that name. */
  @Post(':id/attribute_groups')
  @HttpCode(200)
  async saveAttributeGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: AttributeGroupParams,
  ) {
    const group = await this.groups.saveAttributeGroup(actor, id, p.name, p.order ?? 0, p.attributes ?? []);
    return { group_id: group.id };
  }

  /** Moves group `from` to where group `to` is. */
  @Post(':id/attribute_groups/transfer')
  @HttpCode(200)
  async transferGroup(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: TransferParams,
  ) {
    await this.groups.moveGroup(actor, id, groupRef(p.from, 'from'), groupRef(p.to, 'to'));
    return { code: 200 };
  }

  private async typeDicts(types: readonly CiType[]) {
    const keys = await this.types.uniqueKeys(types);
    return types.map((t) => typeDict(t, keys.get(t.id) ?? null));
  }

  private async carriedDicts(carried: readonly TypeAttributeView[]) {
    const choices = await this.attributes.choicesOf(carried.map((c) => c.attribute));
    return carried.map(({ attribute, link }) => ({
      ...attributeDict(attribute, choices.get(attribute.id)),
      is_required: link.isRequired,
      default_show: link.defaultShow,
      order: link.position,
    }));
  }
}
