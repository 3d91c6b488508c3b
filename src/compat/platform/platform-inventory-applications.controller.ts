import { ApplicationDependenciesService } from '../../cmdb/inventory/application-dependencies.service';
import { ApplicationPersonsService } from '../../cmdb/inventory/application-persons.service';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RolesService } from '../../acl/roles.service';
import { UsersService } from '../../acl/users.service';
import { AppChanges, AppFields, ApplicationsService } from '../../cmdb/inventory/applications.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { MAX_PAGE_SIZE } from '../../common/pagination/page.args';
import { PlatformIdRef } from './dto/platform-id-ref.dto';
import {
  appFilterOf,
  distinctApps,
  pageOfQuery,
  PlatformAppListQuery,
  PlatformCreateAppBody,
  PlatformUpdateAppBody,
} from './dto/platform-inventory.dto';
import { platformAppDetails, PlatformAppDetail, PlatformApp, platformApps } from './dto/platform-inventory-objects.dto';
import { requestUrl } from './platform-acl-mapping';
import { arrayBody } from './platform-body';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

type FieldsBody = Omit<PlatformCreateAppBody, 'name'>;

/** The service's field names for the wire's; `run_users` (the seed table's name) is read as `run_user`. */
function fieldsOf(body: FieldsBody): AppFields {
  if (body.run_user !== undefined && body.run_users !== undefined && body.run_user !== body.run_users) {
    throw new InvalidInputError('run_users', 'differs from run_user; send one of them');
  }
  return {
    applicationType: body.application_type,
    runUser: body.run_user !== undefined ? body.run_user : body.run_users,
    directory: body.directory,
    startupCommand: body.startup_cmd,
    stopCommand: body.stop_cmd,
    stdoutPath: body.stdout_path,
    stderrPath: body.stderr_path,
    pidPath: body.pid_path,
  };
}

/** /applications/: the application list, creating, editing and deleting applications (seed 003). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('applications')
export class PlatformInventoryApplicationsController {
  constructor(
    private readonly apps: ApplicationsService,
    private readonly dependencies: ApplicationDependenciesService,
    private readonly persons: ApplicationPersonsService,
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() actor: Principal, @Query() q: PlatformAppListQuery, @Req() req: Request) {
    const filter = await appFilterOf(
      {
        name: q.name,
        fullName: q.full_path,
        hasParent: q.has_parent,
        responsePersons: q.response_persons,
        user: q.user,
        role: q.role,
      },
      this.users,
      this.roles,
    );
    const p = pageOfQuery(q);
    const [rows, total] = await this.apps.list(filter, p.offset, p.pageSize);
    const items = await platformApps(this.apps, actor, rows);
    return PlatformEnvelope.page(items, total, p.page, p.pageSize, requestUrl(req), p.param);
  }

  @Post()
  async create(@CurrentPrincipal() actor: Principal, @Body() body: PlatformCreateAppBody): Promise<PlatformApp> {
    const app = await this.apps.create(actor, {
      ...fieldsOf(body),
      name: body.name,
      parentId: body.parent_app,
      productionId: body.production,
    });
    const [item] = await platformApps(this.apps, actor, [app]);
    return item;
  }

  /** For each user: the applications they answer for, with children, requirements and people. */
  @Post('get-by-users')
  @HttpCode(200)
  async byUsers(
    @CurrentPrincipal() actor: Principal,
    @Body(arrayBody(PlatformIdRef)) body: PlatformIdRef[],
  ): Promise<{ user_id: number; applications: PlatformAppDetail[] }[]> {
    if (body.length > MAX_PAGE_SIZE) throw new InvalidInputError('body', `at most ${MAX_PAGE_SIZE} users at once`);
    const ids = body.map((u) => u.id);
    for (const [i, id] of ids.entries()) {
      if (!(await this.users.findById(id))) throw new NotFoundError('user', id, `[${i}].id`);
    }
    const perUser = await this.persons.appsAnsweredBy(ids);
    const details = await platformAppDetails(
      this.apps,
      this.dependencies,
      this.persons,
      actor,
      distinctApps(perUser.flat()),
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    return ids.map((id, i) => ({
      user_id: id,
      applications: (perUser[i] ?? []).map((a) => byId.get(a.id)).filter((d): d is PlatformAppDetail => !!d),
    }));
  }

  @Get(':id')
  async get(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number): Promise<PlatformAppDetail> {
    const [item] = await platformAppDetails(this.apps, this.dependencies, this.persons, actor, [
      await this.apps.get(id),
    ]);
    return item;
  }

  /**
   * The application's own fields in one audited change; `child_apps`, `required_apps` and
   * `response_person` then replace those sets through the same service calls as their own endpoints.
   */
  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformUpdateAppBody,
  ) {
    if (body.description !== undefined) {
      throw new InvalidInputError('description', 'applications have no description here');
    }
    const changes: AppChanges = {
      ...fieldsOf(body),
      name: body.name,
      parentId: body.parent_app,
      productionId: body.production,
    };
    await this.apps.updateWithRelations(actor, id, changes, {
      childIds: body.child_apps,
      requiredIds: body.required_apps,
      responsePersonUserIds: body.response_person,
    });
    return PlatformEnvelope.success();
  }

  /** Refused while the application has children (the service's rule). */
  @Delete(':id')
  async remove(@CurrentPrincipal() actor: Principal, @Param('id', PlatformIdPipe) id: number) {
    await this.apps.remove(actor, id);
    return PlatformEnvelope.success();
  }
}
