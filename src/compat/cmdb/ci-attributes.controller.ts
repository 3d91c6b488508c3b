import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AttributeFields, CiAttributesService } from '../../cmdb/ci/ci-attributes.service';
import type { CiAttribute } from '../../cmdb/ci/entities/ci-attribute.entity';
import { ValueType } from '../../cmdb/ci/value-types';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams, CmdbStrictParams } from './cmdb-params';
import { attributeDict } from './cmdb-wire';
import { AttributeSearchParams, CreateAttributeParams, UpdateAttributeParams } from './dto/ci-config-params.dto';

type AttributeParams = CreateAttributeParams | UpdateAttributeParams;

/** Both generations' field names, the first given wins. */
function fieldsOf(p: AttributeParams): AttributeFields {
  return {
    name: p.name ?? p.attr_name,
    alias: p.alias !== undefined ? p.alias : p.attr_alias,
    valueType: p.value_type as ValueType | undefined,
    isList: p.is_list ?? p.is_multivalue,
    isUnique: p.is_unique ?? p.is_uniq,
    isIndex: p.is_index,
    isLink: p.is_link,
    isPassword: p.is_password,
    isSortable: p.is_sortable,
    choices: p.choice_value ?? undefined,
  };
}

/** `/api/v0.1/attributes`: CI attributes. Reading is open to everyone signed in; changes need an administrator. */
@ApiTags('cmdb')
@Controller('api/v0.1/attributes')
export class CiAttributesController {
  constructor(private readonly attributes: CiAttributesService) {}

  @Get(['s', 'search'])
  async search(@CmdbParams() p: AttributeSearchParams) {
    const [rows, numfound] = await this.attributes.list(
      { search: p.q, name: p.name, alias: p.alias },
      p.offset,
      p.page_size,
    );
    return {
      page: p.page,
      page_size: p.page_size,
      numfound,
      total: rows.length,
      attributes: await this.dicts(rows),
    };
  }

  /** By id, name or alias. */
  @Get(':key')
  async get(@Param('key') key: string, @CmdbParams() _p: CmdbSignedParams) {
    const [attribute] = await this.dicts([await this.attributes.get(key)]);
    return { attribute };
  }

  @Post()
  @HttpCode(200)
  async create(@CurrentPrincipal() actor: Principal, @CmdbStrictParams() p: CreateAttributeParams) {
    const attr = await this.attributes.create(actor, fieldsOf(p));
    return { attr_id: attr.id };
  }

  /** As in the original, leaving out `choice_value` clears the choices. */
  @Put(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbStrictParams() p: UpdateAttributeParams,
  ) {
    await this.attributes.update(actor, id, { ...fieldsOf(p), choices: p.choice_value ?? [] });
    return { attr_id: id };
  }

  @Delete(':id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    const attr = await this.attributes.remove(actor, id);
    return { message: `attribute ${attr.name} deleted` };
  }

  private async dicts(rows: CiAttribute[]) {
    const choices = await this.attributes.choicesOf(rows);
    return rows.map((a) => attributeDict(a, choices.get(a.id)));
  }
}
