import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { ApplicationDependenciesService } from '../../cmdb/inventory/application-dependencies.service';
import { ApplicationInstancesService } from '../../cmdb/inventory/application-instances.service';
import { ApplicationPersonsService } from '../../cmdb/inventory/application-persons.service';
import { AppFilter, ApplicationsService } from '../../cmdb/inventory/applications.service';
import type { ResponsePerson } from '../../cmdb/inventory/entities/response-person.entity';
import { HostsService } from '../../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { PlatformIdRef } from './dto/platform-id-ref.dto';
import {
  appFilterOf,
  existingApps,
  pageOfQuery,
  PlatformAppRelationQuery,
  PlatformInstanceAdd,
  PlatformInventoryPageQuery,
  PlatformPersonAdd,
  PlatformPersonRemove,
} from './dto/platform-inventory.dto';
import {
  PlatformApp,
  platformApps,
  PlatformInstance,
  PlatformResponsePerson,
  toPlatformInstance,
  toPlatformPerson,
} from './dto/platform-inventory-objects.dto';
import { pageOf, requestUrl } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

const item = (i: number) => `[${i}].id`;

function byUserAndType(a: ResponsePerson, b: ResponsePerson): number {
  return a.userId - b.userId || a.type.localeCompare(b.type);
}

/**
 * /application/{id}/...: an application's instances, the people answering for it, its child
 * applications and its dependencies (seed 003). Adding a child or a dependency links existing
 * applications; it creates none.
 */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('application')
export class PlatformInventoryAppRelationsController {
  constructor(
    private readonly apps: ApplicationsService,
    private readonly dependencies: ApplicationDependenciesService,
    private readonly appInstances: ApplicationInstancesService,
    private readonly appPersons: ApplicationPersonsService,
    private readonly hosts: HostsService,
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  // --- instances

  @Get(':id/instances')
  async instances(
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformInventoryPageQuery,
    @Req() req: Request,
  ) {
    await this.apps.get(id);
    const [rows] = await this.appInstances.instancesOf([id]);
    const p = pageOfQuery(q);
    const sorted = rows.sort((a, b) => a.id - b.id).map(toPlatformInstance);
    return PlatformEnvelope.page(
      pageOf(sorted, p.page, p.pageSize),
      sorted.length,
      p.page,
      p.pageSize,
      requestUrl(req),
      p.param,
    );
  }

  @Post(':id/instances')
  async addInstances(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformInstanceAdd)) body: PlatformInstanceAdd[],
  ): Promise<PlatformInstance[]> {
    await this.apps.get(id);
    const hostIds = [...new Set(body.map((b) => b.hostid))];
    const hosts = await this.hosts.page({ ids: hostIds }, 0, hostIds.length);
    body.forEach((b, i) => {
      const host = hosts.find((h) => h.id === b.hostid);
      if (!host) throw new NotFoundError('host', b.hostid, `[${i}].hostid`);
      if (b.hostname !== undefined && b.hostname !== host.name) {
        throw new InvalidInputError(`[${i}].hostname`, `host ${host.id} is named "${host.name}"`);
      }
    });
    await this.appInstances.changeInstances(
      actor,
      id,
      body.map((b) => ({ hostId: b.hostid })),
      'add',
    );
    const [rows] = await this.appInstances.instancesOf([id]);
    return body
      .map((b) => rows.find((r) => r.hostId === b.hostid))
      .filter((r) => r !== undefined)
      .map(toPlatformInstance);
  }

  /** Items name instances by their id. */
  @Delete(':id/instances')
  async removeInstances(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ) {
    await this.apps.get(id);
    const [rows] = await this.appInstances.instancesOf([id]);
    const hostIds = body.map((b, i) => {
      const instance = rows.find((r) => r.id === b.id);
      if (!instance) throw new NotFoundError('instance', b.id, item(i));
      return instance.hostId;
    });
    await this.appInstances.changeInstances(
      actor,
      id,
      [...new Set(hostIds)].map((hostId) => ({ hostId })),
      'remove',
    );
    return PlatformEnvelope.success();
  }

  // --- response persons

  @Get(':id/response-person')
  async persons(@Param('id', PlatformIdPipe) id: number, @Query() q: PlatformInventoryPageQuery, @Req() req: Request) {
    await this.apps.get(id);
    const [rows] = await this.appPersons.responsePersonsOf([id]);
    const all = rows.sort(byUserAndType).map(toPlatformPerson);
    const p = pageOfQuery(q);
    return PlatformEnvelope.page(
      pageOf(all, p.page, p.pageSize),
      all.length,
      p.page,
      p.pageSize,
      requestUrl(req),
      p.param,
    );
  }

  @Post(':id/response-person')
  async addPersons(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformPersonAdd)) body: PlatformPersonAdd[],
  ): Promise<PlatformResponsePerson[]> {
    await this.apps.get(id);
    await this.appPersons.changeResponsePersons(
      actor,
      id,
      body.map((b) => ({ userId: b.id, type: b.type })),
      'add',
    );
    const [rows] = await this.appPersons.responsePersonsOf([id]);
    return body
      .map((b) => rows.find((r) => r.userId === b.id && r.type === b.type))
      .filter((r) => r !== undefined)
      .map(toPlatformPerson);
  }

  /** An item without a type removes the user in every capacity. */
  @Delete(':id/response-person')
  async removePersons(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformPersonRemove)) body: PlatformPersonRemove[],
  ) {
    await this.apps.get(id);
    const [rows] = await this.appPersons.responsePersonsOf([id]);
    const gone = body.flatMap((b, i) => {
      const matching = rows.filter((r) => r.userId === b.id && (b.type === undefined || r.type === b.type));
      if (matching.length === 0) throw new NotFoundError('response person', b.id, item(i));
      return matching.map((r) => ({ userId: r.userId, type: r.type }));
    });
    await this.appPersons.changeResponsePersons(actor, id, gone, 'remove');
    return PlatformEnvelope.success();
  }

  // --- child applications

  @Get(':id/child-apps')
  async children(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformAppRelationQuery,
    @Req() req: Request,
  ) {
    await this.apps.get(id);
    return this.appPage(actor, { ...(await this.filterOf(q)), parentId: id }, q, req);
  }

  /** Moves existing applications (with everything below them) under this one. */
  @Post(':id/child-apps')
  async adoptChildren(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ): Promise<PlatformApp[]> {
    const moved = await this.apps.moveChildren(
      actor,
      id,
      body.map((b) => b.id),
      'adopt',
      item,
    );
    return platformApps(this.apps, actor, moved);
  }

  /** Moves child applications to the root; the applications stay. */
  @Delete(':id/child-apps')
  async releaseChildren(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ) {
    await this.apps.moveChildren(
      actor,
      id,
      body.map((b) => b.id),
      'release',
      item,
    );
    return PlatformEnvelope.success();
  }

  // --- dependencies

  @Get(':id/required-apps')
  async required(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformAppRelationQuery,
    @Req() req: Request,
  ) {
    const ids = (await this.dependencies.requirementsOf(id, 'requires')).map((a) => a.id);
    return this.appPage(actor, { ...(await this.filterOf(q)), ids }, q, req);
  }

  /** A dependency cycle is refused with 400 naming required_apps. */
  @Post(':id/required-apps')
  async require(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ): Promise<PlatformApp[]> {
    await this.apps.get(id);
    const ids = [...new Set(body.map((b) => b.id))];
    await this.dependencies.changeRequirements(actor, id, ids, 'add');
    return platformApps(this.apps, actor, await existingApps(this.apps, ids, item));
  }

  @Delete(':id/required-apps')
  async unrequire(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ) {
    await this.apps.get(id);
    await this.dependencies.changeRequirements(actor, id, [...new Set(body.map((b) => b.id))], 'remove');
    return PlatformEnvelope.success();
  }

  @Get(':id/required-by-apps')
  async requiredBy(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Query() q: PlatformAppRelationQuery,
    @Req() req: Request,
  ) {
    const ids = (await this.dependencies.requirementsOf(id, 'required_by')).map((a) => a.id);
    return this.appPage(actor, { ...(await this.filterOf(q)), ids }, q, req);
  }

  private filterOf(q: PlatformAppRelationQuery): Promise<AppFilter> {
    return appFilterOf({ name: q.name, fullName: q.full_name, user: q.user, role: q.role }, this.users, this.roles);
  }

  private async appPage(actor: Principal, filter: AppFilter, q: PlatformAppRelationQuery, req: Request) {
    const p = pageOfQuery(q);
    const [rows, total] = await this.apps.list(filter, p.offset, p.pageSize);
    const items = await platformApps(this.apps, actor, rows);
    return PlatformEnvelope.page(items, total, p.page, p.pageSize, requestUrl(req), p.param);
  }
}
