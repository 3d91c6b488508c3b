import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AclService } from '../../acl/acl.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { wouldCycle } from '../../common/graph';
import { groupBy } from '../../common/group-by';
import { Transactions } from '../../database/transactions';
import { ApplicationRows } from './application-rows';
import { Application } from './entities/application.entity';

/** Which applications an application requires; cycles are refused. */
@Injectable()
export class ApplicationDependenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly rows: ApplicationRows,
  ) {}

  async requirementsOf(id: number, direction: 'requires' | 'required_by'): Promise<Application[]> {
    if (!(await this.dataSource.getRepository(Application).existsBy({ id })))
      throw new NotFoundError('application', id);
    const [mine, theirs] =
      direction === 'requires' ? ['application_id', 'required_id'] : ['required_id', 'application_id'];
    return this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin('application_requirements', 'r', `r.${theirs} = a.id`)
      .where(`r.${mine} = :id`, { id })
      .orderBy('a.fullName')
      .getMany();
  }

  /** Ids of the applications each application requires, in one query. */
  requiredIdsOf(appIds: readonly number[], em: EntityManager = this.dataSource.manager): Promise<number[][]> {
    return this.requiredIdsIn(em, appIds);
  }

  /** Adds or removes dependencies; a dependency cycle is refused. */
  async changeRequirements(actor: Principal, id: number, requiredIds: number[], mode: 'add' | 'remove') {
    await this.tx.run((em) => this.changeRequirementsIn(em, actor, id, requiredIds, mode));
  }

  async changeRequirementsIn(
    em: EntityManager,
    actor: Principal,
    id: number,
    requiredIds: number[],
    mode: 'add' | 'remove',
  ): Promise<void> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    const app = await this.rows.lock(em, id);
    const required = requiredIds.length ? await em.findBy(Application, { id: In(requiredIds) }) : [];
    const missing = requiredIds.find((r) => !required.some((a) => a.id === r));
    if (missing !== undefined) throw new NotFoundError('application', missing, 'required_apps');
    const rows = await em
      .createQueryBuilder()
      .select(['r.application_id AS "from"', 'r.required_id AS "to"'])
      .from('application_requirements', 'r')
      .getRawMany<{ from: number; to: number }>();
    const edges = rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }));
    for (const r of required) {
      const exists = edges.some((e) => e.from === id && e.to === r.id);
      if (mode === 'add' && !exists) {
        if (wouldCycle(id, r.id, edges)) {
          throw new InvalidInputError('required_apps', `requiring "${r.fullName}" would create a dependency cycle`);
        }
        await em
          .createQueryBuilder()
          .insert()
          .into('application_requirements')
          .values({ application_id: id, required_id: r.id })
          .execute();
        edges.push({ from: id, to: r.id });
      } else if (mode === 'remove' && exists) {
        await em
          .createQueryBuilder()
          .delete()
          .from('application_requirements')
          .where('application_id = :id AND required_id = :rid', { id, rid: r.id })
          .execute();
      }
    }
    await this.rows.record(em, actor, app, mode === 'add' ? 'add_required_apps' : 'remove_required_apps', null, {
      requiredApps: required.map((r) => r.fullName),
    });
  }

  private async requiredIdsIn(em: EntityManager, appIds: readonly number[]): Promise<number[][]> {
    if (appIds.length === 0) return [];
    const rows = await em
      .createQueryBuilder()
      .select('r.application_id', 'appId')
      .addSelect('r.required_id', 'requiredId')
      .from('application_requirements', 'r')
      .where('r.application_id IN (:...appIds)', { appIds: [...appIds] })
      .orderBy('r.required_id')
      .getRawMany<{ appId: number; requiredId: number }>();
    return groupBy(appIds, rows, (r) => Number(r.appId)).map((group) => group.map((r) => Number(r.requiredId)));
  }
}
