import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { AclService, moduleRef } from '../../acl/acl.service';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { containing, ESCAPE } from '../../database/like';
import { Application } from './entities/application.entity';
import { Production } from './entities/production.entity';

export interface ProductionInput {
  name?: string;
  description?: string | null;
}

/** Product lines ("business" in the platform's permission names). */
@Injectable()
export class ProductionsService {
  constructor(
    private readonly tx: Transactions,
    @InjectRepository(Production) private readonly productions: Repository<Production>,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {}

  async get(id: number): Promise<Production> {
    const p = await this.productions.findOneBy({ id });
    if (!p) throw new NotFoundError('production', id);
    return p;
  }

  list(search: string | undefined, offset: number, limit: number): Promise<[Production[], number]> {
    const qb = this.productions.createQueryBuilder('p');
    if (search) qb.where(`p.name LIKE :like ${ESCAPE}`, { like: containing(search) });
    return qb.orderBy('p.id').skip(offset).take(limit).getManyAndCount();
  }

  async create(actor: Principal, input: ProductionInput & { name: string }): Promise<Production> {
    await this.acl.assert(actor, 'add_business', moduleRef('host'));
    this.checkName(input.name);
    return this.tx.run(async (em) => {
      if (await em.existsBy(Production, { name: input.name })) {
        throw new ConflictError(`production "${input.name}" already exists`, 'name');
      }
      const p = await em.save(em.create(Production, { name: input.name, description: input.description ?? null }));
      await this.record(em, actor, p, 'add', null, { name: p.name, description: p.description });
      return p;
    });
  }

  async update(actor: Principal, id: number, input: ProductionInput): Promise<Production> {
    await this.acl.assert(actor, 'add_business', moduleRef('host'));
    if (input.name !== undefined) this.checkName(input.name);
    return this.tx.run(async (em) => {
      const p = await em.findOneBy(Production, { id });
      if (!p) throw new NotFoundError('production', id);
      const before = { name: p.name, description: p.description };
      if (input.name !== undefined && input.name !== p.name && (await em.existsBy(Production, { name: input.name }))) {
        throw new ConflictError(`production "${input.name}" already exists`, 'name');
      }
      if (input.name !== undefined) p.name = input.name;
      if (input.description !== undefined) p.description = input.description;
      const saved = await em.save(p);
      await this.record(em, actor, saved, 'update', before, { name: saved.name, description: saved.description });
      return saved;
    });
  }

  /** Its applications stay, without a product line. */
  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, 'delete_business', moduleRef('host'));
    await this.tx.run(async (em) => {
      const p = await em.findOneBy(Production, { id });
      if (!p) throw new NotFoundError('production', id);
      await em.update(Application, { productionId: id }, { productionId: null });
      await em.delete(Production, { id });
      await this.record(em, actor, { ...p, id }, 'delete', { name: p.name }, null);
    });
  }

  private checkName(name: string): void {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 128) {
      throw new InvalidInputError('name', 'must be 1-128 characters');
    }
  }

  private record(
    em: EntityManager,
    actor: Principal,
    p: Production,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'application',
      targetType: 'production',
      targetId: p.id,
      targetName: p.name,
      operation,
      before,
      after,
    });
  }

  /** Which of view_business, add_business, delete_business the caller holds: module grants, the same for every line. */
  async availableActions(actor: Principal): Promise<string[]> {
    const held = await this.acl.availableActions(
      actor,
      'module',
      ['host'],
      ['view_business', 'add_business', 'delete_business'],
    );
    return held.get('host') ?? [];
  }
}
