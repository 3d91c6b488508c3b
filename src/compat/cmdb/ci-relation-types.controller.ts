import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiTypeRelationsService } from '../../cmdb/ci/ci-type-relations.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { relationTypeDict } from './cmdb-wire';
import { RelationTypeParams } from './dto/ci-config-params.dto';

/** `/api/v0.1/relation_types`: contain, deploy, connect… */
@ApiTags('cmdb')
@Controller('api/v0.1/relation_types')
export class CiRelationTypesController {
  constructor(private readonly relations: CiTypeRelationsService) {}

  /** A bare array, as in the original. */
  @Get()
  async list(@CmdbParams() _p: CmdbSignedParams) {
    return (await this.relations.relationTypes()).map(relationTypeDict);
  }

  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbParams() p: RelationTypeParams) {
    return relationTypeDict(await this.relations.createRelationType(actor, p.name));
  }

  @Put(':id')
  async rename(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() p: RelationTypeParams,
  ) {
    return relationTypeDict(await this.relations.renameRelationType(actor, id, p.name));
  }

  /** Refused (400) while a CI type relation uses it. */
  @Delete(':id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    await this.relations.deleteRelationType(actor, id);
    return { rel_id: id };
  }
}
