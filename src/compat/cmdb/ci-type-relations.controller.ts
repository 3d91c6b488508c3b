import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiAttributesService } from '../../cmdb/ci/ci-attributes.service';
import { CiTypeRelationsService } from '../../cmdb/ci/ci-type-relations.service';
import { CiTypesService } from '../../cmdb/ci/ci-types.service';
import type { CiTypeRelation } from '../../cmdb/ci/entities/ci-type-relation.entity';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { attributeDict, relationTypeDict, typeDict, typeRelationDict } from './cmdb-wire';
import { TypeRelationParams } from './dto/ci-config-params.dto';

/** `/api/v0.1/ci_type_relations`: which CI types hang under which, and how. */
@ApiTags('cmdb')
@Controller('api/v0.1/ci_type_relations')
export class CiTypeRelationsController {
  constructor(
    private readonly relations: CiTypeRelationsService,
    private readonly types: CiTypesService,
    private readonly attributes: CiAttributesService,
  ) {}

  /** Every relation with its parent and child types and its relation type, as a bare array. */
  @Get()
  async list(@CmdbParams() _p: CmdbSignedParams) {
    const rows = await this.relations.list();
    const types = await this.types.getMany([...new Set(rows.flatMap((r) => [r.parentId, r.childId]))]);
    const keys = await this.types.uniqueKeys(types);
    const relTypes = await this.relations.relationTypes();
    const type = (id: number) => {
      const t = types.find((x) => x.id === id);
      return t ? typeDict(t, keys.get(t.id) ?? null) : null;
    };
    return rows.map((r) => {
      const rt = relTypes.find((x) => x.id === r.relationTypeId);
      return {
        ...typeRelationDict(r),
        parent: type(r.parentId),
        child: type(r.childId),
        relation_type: rt ? relationTypeDict(rt) : null,
      };
    });
  }

  @Get(':parentId/children')
  async children(@Param('parentId', CmdbIdPipe) parentId: number, @CmdbParams() _p: CmdbSignedParams) {
    await this.types.get(parentId);
    return { children: await this.related(await this.relations.children(parentId), (r) => r.childId) };
  }

  @Get(':childId/parents')
  async parents(@Param('childId', CmdbIdPipe) childId: number, @CmdbParams() _p: CmdbSignedParams) {
    await this.types.get(childId);
    return { parents: await this.related(await this.relations.parents(childId), (r) => r.parentId) };
  }

  /** An existing pair keeps its id and takes the new relation type. */
  @Post(':parentId/:childId')
  @HttpCode(200)
  async set(
    @CurrentPrincipal() actor: Principal,
    @Param('parentId', CmdbIdPipe) parentId: number,
    @Param('childId', CmdbIdPipe) childId: number,
    @CmdbParams() p: TypeRelationParams,
  ) {
    const relation = await this.relations.set(
      actor,
      parentId,
      childId,
      (p.relation_type_id ?? p.relation_type) as string | number,
    );
    return { ctr_id: relation.id };
  }

  @Delete(':parentId/:childId')
  async removePair(
    @CurrentPrincipal() actor: Principal,
    @Param('parentId', CmdbIdPipe) parentId: number,
    @Param('childId', CmdbIdPipe) childId: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.relations.remove(actor, { parentId, childId });
    return { code: 200, parent_id: parentId, child_id: childId };
  }

  @Delete(':ctrId')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('ctrId', CmdbIdPipe) ctrId: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.relations.remove(actor, { id: ctrId });
    return { code: 200, ctr_id: ctrId };
  }

  /** The other side's type with `ctr_id`, its attributes and the relation type's name. */
  private async related(rows: CiTypeRelation[], other: (r: CiTypeRelation) => number) {
    const types = await this.types.getMany(rows.map(other));
    const keys = await this.types.uniqueKeys(types);
    const carried = await this.types.attributesOfTypes(types.map((t) => t.id));
    const choices = await this.attributes.choicesOf([...carried.values()].flat().map((c) => c.attribute));
    const relTypes = await this.relations.relationTypes();
    return rows
      .filter((r) => types.some((t) => t.id === other(r)))
      .map((r) => {
        const t = types.find((x) => x.id === other(r)) as (typeof types)[number];
        return {
          ...typeDict(t, keys.get(t.id) ?? null),
          ctr_id: r.id,
          attributes: (carried.get(t.id) ?? []).map(({ attribute, link }) => ({
            ...attributeDict(attribute, choices.get(attribute.id)),
            is_required: link.isRequired,
            default_show: link.defaultShow,
            order: link.position,
          })),
          relation_type: relTypes.find((x) => x.id === r.relationTypeId)?.name ?? null,
        };
      });
  }
}
