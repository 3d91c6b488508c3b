import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { sha256Hex } from '../common/crypto/sha256';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { ApiToken } from './entities/api-token.entity';

export interface ApiTokenInput {
  name?: string;
  description?: string | null;
}

function check(input: ApiTokenInput): void {
  if (
    input.name !== undefined &&
    (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 64)
  ) {
    throw new InvalidInputError('name', 'must be 1-64 characters');
  }
  if (input.description && input.description.length > 255) {
    throw new InvalidInputError('description', 'must be at most 255 characters');
  }
}

/** Long-lived API tokens: each acts as the user who made it; administrators see all. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tx: Transactions,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly audit: AuditService,
  ) {}

  list(actor: Principal, name: string | undefined, offset: number, limit: number): Promise<[ApiToken[], number]> {
    return this.tokens.findAndCount({
      where: { ...(actor.isAdmin ? {} : { userId: actor.userId }), ...(name ? { name } : {}) },
      order: { id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  async get(actor: Principal, id: number): Promise<ApiToken> {
    const token = await this.tokens.findOneBy({ id });
    // Someone else's token is reported missing rather than forbidden: its existence is not theirs to learn.
    if (!token || (!actor.isAdmin && token.userId !== actor.userId)) throw new NotFoundError('auth token', id);
    return token;
  }

  /** The value (40 hex characters) is returned here only; the service keeps its hash. */
  async create(actor: Principal, input: ApiTokenInput & { name: string }): Promise<{ token: ApiToken; value: string }> {
    check(input);
    const value = randomBytes(20).toString('hex');
    const token = await this.tx.run(async (em) => {
      const saved = await em.save(
        em.create(ApiToken, {
          name: input.name.trim(),
          description: input.description ?? null,
          userId: actor.userId,
          valueHash: sha256Hex(value),
        }),
      );
      await this.record(em, actor, saved, 'create');
      return saved;
    });
    return { token, value };
  }

  async update(actor: Principal, id: number, input: ApiTokenInput): Promise<ApiToken> {
    check(input);
    const token = await this.get(actor, id);
    return this.tx.run(async (em) => {
      if (input.name !== undefined) token.name = input.name.trim();
      if (input.description !== undefined) token.description = input.description;
      const saved = await em.save(token);
      await this.record(em, actor, saved, 'update');
      return saved;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    const token = await this.get(actor, id);
    await this.tx.run(async (em) => {
      await em.delete(ApiToken, { id });
      await this.record(em, actor, token, 'delete');
    });
  }

  private record(em: EntityManager, actor: Principal, token: ApiToken, operation: string) {
    return this.audit.record(em, {
      operator: actor,
      module: 'acl',
      targetType: 'auth_token',
      targetId: token.id,
      targetName: token.name,
      operation,
      after: { name: token.name, description: token.description, userId: token.userId },
    });
  }
}
