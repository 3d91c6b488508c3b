import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AclService } from '../../acl/acl.service';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { Transactions } from '../../database/transactions';
import { ApplicationRows } from './application-rows';
import { ApplicationInstance, InstanceStatus } from './entities/application-instance.entity';
import { Host } from './entities/host.entity';

export interface InstanceInput {
  hostId: number;
  status?: InstanceStatus;
  version?: string | null;
}

/** Where an application runs: its instances on hosts. */
@Injectable()
export class ApplicationInstancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    private readonly rows: ApplicationRows,
  ) {}

  instancesOf(appIds: readonly number[]): Promise<ApplicationInstance[][]> {
    return this.rows.batch(ApplicationInstance, appIds, ['host']);
  }

  async getInstance(appId: number, instanceId: number): Promise<ApplicationInstance> {
    const instance = await this.dataSource
      .getRepository(ApplicationInstance)
      .findOne({ where: { id: instanceId, applicationId: appId }, relations: { host: true, application: true } });
    if (!instance) throw new NotFoundError('instance', instanceId);
    return instance;
  }

  /** Attaches the application to hosts (or detaches it): audited on both the application and each host. */
  async changeInstances(actor: Principal, id: number, instances: InstanceInput[], mode: 'add' | 'remove') {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    for (const [i, inst] of instances.entries()) {
      if (inst.status !== undefined && !Object.values(InstanceStatus).includes(inst.status)) {
        throw new InvalidInputError(`[${i}].status`, `must be one of ${Object.values(InstanceStatus).join(', ')}`);
      }
    }
    await this.tx.run(async (em) => {
      const app = await this.rows.lock(em, id);
      const hostIds = [...new Set(instances.map((i) => i.hostId))];
      const hosts = hostIds.length ? await em.findBy(Host, { id: In(hostIds) }) : [];
      const missing = hostIds.find((h) => !hosts.some((x) => x.id === h));
      if (missing !== undefined) throw new NotFoundError('host', missing, 'host');
      for (const inst of instances) {
        const host = hosts.find((h) => h.id === inst.hostId) as Host;
        const where = { applicationId: id, hostId: inst.hostId };
        if (mode === 'add') {
          if (await em.existsBy(ApplicationInstance, where)) {
            throw new ConflictError(`"${app.fullName}" already has an instance on "${host.name}"`, 'host');
          }
          await em.save(
            em.create(ApplicationInstance, {
              ...where,
              status: inst.status ?? InstanceStatus.STOPPED,
              version: inst.version ?? null,
            }),
          );
        } else {
          await em.delete(ApplicationInstance, where);
        }
        const detail = { application: app.fullName, host: host.name };
        await this.rows.record(em, actor, app, mode === 'add' ? 'attach_host' : 'deatach_host', null, detail);
        await this.audit.record(em, {
          operator: actor,
          module: 'host',
          targetType: 'host',
          targetId: host.id,
          targetName: host.name,
          operation: mode === 'add' ? 'attach_app' : 'deatach_app',
          after: detail,
        });
      }
    });
  }
}
