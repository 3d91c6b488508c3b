import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AclService } from '../../acl/acl.service';
import { UsersService } from '../../acl/users.service';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { Transactions } from '../../database/transactions';
import { ApplicationRows } from './application-rows';
import { ApplicationInstance } from './entities/application-instance.entity';
import { Application } from './entities/application.entity';
import { ResponsePerson, ResponsePersonType } from './entities/response-person.entity';

export interface PersonInput {
  userId: number;
  type: ResponsePersonType;
}

export interface HostOwner {
  username: string;
  email: string | null;
}

/** The people answerable for applications (developer, operator, QA, PM), and through them for hosts. */
@Injectable()
export class ApplicationPersonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly users: UsersService,
    private readonly rows: ApplicationRows,
  ) {}

  /** Response persons of each application with their user, in two queries. */
  async responsePersonsOf(appIds: readonly number[]): Promise<ResponsePerson[][]> {
    const perApp = await this.rows.batch(ResponsePerson, appIds);
    const users = await this.users.findByIds([...new Set(perApp.flat().map((p) => p.userId))]);
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const p of perApp.flat()) p.user = byId.get(p.userId);
    return perApp;
  }

  async changeResponsePersons(actor: Principal, id: number, persons: PersonInput[], mode: 'add' | 'remove') {
    await this.tx.run((em) => this.changeResponsePersonsIn(em, actor, id, persons, mode));
  }

  async changeResponsePersonsIn(
    em: EntityManager,
    actor: Principal,
    id: number,
    persons: PersonInput[],
    mode: 'add' | 'remove',
  ): Promise<void> {
    await this.acl.assert(actor, 'edit_app', { type: 'application', id });
    for (const [i, p] of persons.entries()) {
      if (!Object.values(ResponsePersonType).includes(p.type)) {
        throw new InvalidInputError(`[${i}].type`, 'must be one of dev, ops, qa, pm');
      }
    }
    const app = await this.rows.lock(em, id);
    const userIds = [...new Set(persons.map((p) => p.userId))];
    const users = await this.users.findByIdsIn(em, userIds);
    const missing = userIds.find((u) => !users.some((x) => x.id === u));
    if (missing !== undefined) throw new NotFoundError('user', missing, 'user');
    for (const p of persons) {
      const where = { applicationId: id, userId: p.userId, type: p.type };
      if (mode === 'remove') await em.delete(ResponsePerson, where);
      else await em.createQueryBuilder().insert().into(ResponsePerson).values(where).orIgnore().execute();
    }
    await this.rows.record(em, actor, app, mode === 'add' ? 'add_response_persons' : 'remove_response_persons', null, {
      persons: persons.map((p) => ({ user: users.find((u) => u.id === p.userId)?.username, type: p.type })),
    });
  }

  /** Response persons of one application, read inside the caller's transaction. */
  personsOfIn(em: EntityManager, appId: number): Promise<ResponsePerson[]> {
    return em.findBy(ResponsePerson, { applicationId: appId });
  }

  /** Applications each user answers for (in any capacity), in one query. */
  async appsAnsweredBy(userIds: readonly number[]): Promise<Application[][]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(ResponsePerson, 'rp', 'rp.applicationId = a.id')
      .addSelect('rp.userId', 'userId')
      .where('rp.userId IN (:...userIds)', { userIds: [...userIds] })
      .orderBy('a.fullName')
      .getRawAndEntities();
    const pairs = rows.raw.map((r: { userId: number; a_id: number }) => [Number(r.userId), Number(r.a_id)]);
    return userIds.map((u) => rows.entities.filter((a) => pairs.some(([user, app]) => user === u && app === a.id)));
  }

  /**
   * The people answerable for each host: response persons of the applications with an instance
   * on it, with their mail address (null when the user has none), by username.
   */
  async ownersOfHosts(hostIds: readonly number[]): Promise<Map<number, HostOwner[]>> {
    const out = new Map<number, HostOwner[]>();
    if (hostIds.length === 0) return out;
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('ai.host_id', 'hostId')
      .addSelect('rp.user_id', 'userId')
      .from(ApplicationInstance, 'ai')
      .innerJoin(ResponsePerson, 'rp', 'rp.application_id = ai.application_id')
      .where('ai.host_id IN (:...hostIds)', { hostIds: [...new Set(hostIds)] })
      .getRawMany<{ hostId: number; userId: number }>();
    const users = await this.users.findByIds([...new Set(rows.map((r) => Number(r.userId)))]);
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const r of rows) {
      const user = byId.get(Number(r.userId));
      if (!user) continue;
      const list = out.get(Number(r.hostId)) ?? [];
      if (!list.some((p) => p.username === user.username)) list.push({ username: user.username, email: user.email });
      out.set(Number(r.hostId), list);
    }
    for (const list of out.values())
      list.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    return out;
  }

  /** Hosts the user (by username or mail address) answers for through an application instance, id ascending. */
  async hostIdsAnsweredBy(user: string): Promise<number[]> {
    const userIds = await this.users.idsByUsernameOrEmail(user);
    if (userIds.length === 0) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('DISTINCT ai.host_id', 'hostId')
      .from(ApplicationInstance, 'ai')
      .innerJoin(ResponsePerson, 'rp', 'rp.application_id = ai.application_id')
      .where('rp.user_id IN (:...userIds)', { userIds })
      .orderBy('ai.host_id')
      .getRawMany<{ hostId: number }>();
    return rows.map((r) => Number(r.hostId));
  }
}
