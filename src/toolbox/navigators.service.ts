import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { containing, ESCAPE } from '../database/like';
import { Transactions } from '../database/transactions';
import { ExternalNavigator } from './entities/external-navigator.entity';
import { checkImage, checkWebUrl } from './web-urls';

/** The module whose switches govern navigators: enable_navigator, view_navigator, manage_navigator. */
const MODULE = 'navigator';

export interface NavigatorInput {
  name?: string;
  img?: string;
  url?: string;
}

function snapshot(n: ExternalNavigator): Record<string, unknown> {
  return { name: n.name, img: n.img, url: n.url };
}

/** External navigators: links to outside systems, http(s) only. */
@Injectable()
export class NavigatorsService {
  constructor(
    private readonly tx: Transactions,
    @InjectRepository(ExternalNavigator) private readonly navigators: Repository<ExternalNavigator>,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; `name` matches part of the name. Needs enable_navigator and view (or manage) navigator. */
  async list(actor: Principal, name: string | undefined, offset: number, limit: number) {
    await this.assertCan(actor, 'view');
    const qb = this.navigators.createQueryBuilder('n');
    if (name) qb.where(`n.name LIKE :like ${ESCAPE}`, { like: containing(name) });
    return qb.orderBy('n.id', 'DESC').skip(offset).take(limit).getManyAndCount();
  }

  async get(actor: Principal, id: number): Promise<ExternalNavigator> {
    await this.assertCan(actor, 'view');
    return this.find(this.navigators.manager, id);
  }

  async create(actor: Principal, input: NavigatorInput): Promise<ExternalNavigator> {
    await this.assertCan(actor, 'manage');
    for (const field of ['name', 'img', 'url'] as const) {
      if (input[field] === undefined) throw new InvalidInputError(field, 'is required');
    }
    const values = checked(input);
    return this.tx.run(async (em) => {
      const saved = await em.save(
        em.create(ExternalNavigator, { ...values, creatorId: actor.userId, creatorName: actor.username }),
      );
      await this.record(em, actor, saved, 'add', null, snapshot(saved));
      return saved;
    });
  }

  async update(actor: Principal, id: number, input: NavigatorInput): Promise<ExternalNavigator> {
    await this.assertCan(actor, 'manage');
    const values = checked(input);
    return this.tx.run(async (em) => {
      const row = await this.find(em, id);
      const before = snapshot(row);
      Object.assign(row, values);
      const saved = await em.save(row);
      await this.record(em, actor, saved, 'update', before, snapshot(saved));
      return saved;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.assertCan(actor, 'manage');
    await this.tx.run(async (em) => {
      const row = await this.find(em, id);
      await em.delete(ExternalNavigator, { id });
      await this.record(em, actor, row, 'delete', snapshot(row), null);
    });
  }

  /** The module switch, then view_navigator (manage_navigator includes it) or manage_navigator. */
  private async assertCan(actor: Principal, what: 'view' | 'manage'): Promise<void> {
    await this.acl.assert(actor, 'enable_navigator', moduleRef(MODULE));
    if (await this.acl.can(actor, 'manage_navigator', moduleRef(MODULE))) return;
    if (what === 'view' && (await this.acl.can(actor, 'view_navigator', moduleRef(MODULE)))) return;
    throw new ForbiddenError(`Permission ${what}_navigator on module ${MODULE} required`);
  }

  private async find(em: EntityManager, id: number): Promise<ExternalNavigator> {
    const row = await em.findOneBy(ExternalNavigator, { id });
    if (!row) throw new NotFoundError('navigator', id);
    return row;
  }

  private record(
    em: EntityManager,
    actor: Principal,
    n: ExternalNavigator,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'toolbox',
      targetType: 'external_navigator',
      targetId: n.id,
      targetName: n.name,
      operation,
      before,
      after,
    });
  }
}

function checked(input: NavigatorInput): NavigatorInput {
  const out: NavigatorInput = {};
  if (input.name !== undefined) {
    if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 128) {
      throw new InvalidInputError('name', 'must be 1 to 128 characters');
    }
    out.name = input.name.trim();
  }
  if (input.img !== undefined) out.img = checkImage(input.img);
  if (input.url !== undefined) out.url = checkWebUrl(input.url, 'url');
  return out;
}
