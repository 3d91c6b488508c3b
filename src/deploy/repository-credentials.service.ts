import { Injectable } from '@nestjs/common';
import { utils as sshUtils } from 'ssh2';
import { DataSource, EntityManager, In } from 'typeorm';
import { AclService, moduleRef } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { SecretBox } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { containing, ESCAPE } from '../database/like';
import { Transactions } from '../database/transactions';
import { checkName } from './deploy-input-rules';
import { DeploySetting } from './entities/deploy-setting.entity';
import { DeployTemplate } from './entities/deploy-template.entity';
import { CredentialType, RepositoryCredential } from './entities/repository-credential.entity';

/** The module permission that manages templates, scripts and credentials. */
export const DEPLOY_MGMT = 'enable_deploy_template_mgmt';
export const DEPLOY_MODULE = moduleRef('deploy_template');
/** Writers of deploy configuration take turns (MySQL): a delete's "still in use" check sees every link. */
export const DEPLOY_CONFIG_LOCK = 'deploy-config';

export interface NewCredential {
  name?: string;
  type: CredentialType;
  username: string;
  /** The password, or the private key (OpenSSH or PEM, unencrypted). */
  secret: string;
}

export interface CredentialChanges {
  name?: string;
  username?: string;
  secret?: string;
}

export interface CredentialFilter {
  type?: CredentialType;
  /** Part of the name. */
  name?: string;
  username?: string;
}

// Printable, no whitespace: a name a repository server knows.
const USERNAME = /^[^\s\p{Cc}]{1,128}$/u;

/** The request field a credential's secret comes in. */
export function secretField(type: CredentialType): string {
  return type === CredentialType.PASSWORD ? 'password' : 'private_key';
}

function snapshot(c: RepositoryCredential): Record<string, unknown> {
  return { id: c.id, name: c.name, type: c.type, username: c.username };
}

/**
 * Repository credentials: a password or an SSH private key with the user it logs in as. The secret
 * is sealed at rest, checked when given, and never returned, logged or written to the audit log.
 */
@Injectable()
export class RepositoryCredentialsService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly acl: AclService,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.secretKey);
  }

  list(filter: CredentialFilter, offset: number, limit: number): Promise<[RepositoryCredential[], number]> {
    const qb = this.dataSource.getRepository(RepositoryCredential).createQueryBuilder('c');
    if (filter.type !== undefined) qb.andWhere('c.type = :type', { type: filter.type });
    if (filter.name !== undefined) qb.andWhere(`c.name LIKE :name ${ESCAPE}`, { name: containing(filter.name) });
    if (filter.username !== undefined) qb.andWhere('c.username = :username', { username: filter.username });
    return qb.orderBy('c.id').skip(offset).take(limit).getManyAndCount();
  }

  async get(id: number, field = 'id', type?: CredentialType): Promise<RepositoryCredential> {
    const found = await this.dataSource.getRepository(RepositoryCredential).findOneBy({ id });
    if (!found || (type !== undefined && found.type !== type))
      throw new NotFoundError('repository credential', id, field);
    return found;
  }

  async byIds(ids: readonly number[]): Promise<Map<number, RepositoryCredential>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(RepositoryCredential).findBy({ id: In(unique) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  async create(actor: Principal, input: NewCredential): Promise<RepositoryCredential> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    return this.tx.run((em) => this.createIn(em, actor, input), { lock: DEPLOY_CONFIG_LOCK });
  }

  /** In the caller's transaction: a credential given inline with deploy settings. `field` prefixes error fields. */
  async createIn(em: EntityManager, actor: Principal, input: NewCredential, field = ''): Promise<RepositoryCredential> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    if (!Object.values(CredentialType).includes(input.type)) {
      throw new InvalidInputError(`${field}type`, `must be ${Object.values(CredentialType).join(' or ')}`);
    }
    const username = this.checkUsername(`${field}username`, input.username);
    const secret = this.checkSecret(`${field}${secretField(input.type)}`, input.type, input.secret);
    const name = checkName(`${field}name`, input.name ?? username);
    await this.checkNameFree(em, name, null, `${field}name`);
    const saved = await em.save(
      em.create(RepositoryCredential, {
        name,
        type: input.type,
        username,
        sealedSecret: this.box.seal(secret),
        creatorName: actor.username,
      }),
    );
    await this.record(em, actor, saved, 'add_repository_credential', null, snapshot(saved));
    return saved;
  }

  /** `type`: the credential must be of this type (the platform's endpoints are per type). */
  async update(
    actor: Principal,
    id: number,
    changes: CredentialChanges,
    type?: CredentialType,
  ): Promise<RepositoryCredential> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    return this.tx.run(
      async (em) => {
        const c = await em.findOneBy(RepositoryCredential, { id });
        if (!c || (type !== undefined && c.type !== type)) throw new NotFoundError('repository credential', id);
        const before = snapshot(c);
        if (changes.name !== undefined) {
          c.name = checkName('name', changes.name);
          await this.checkNameFree(em, c.name, c.id, 'name');
        }
        if (changes.username !== undefined) c.username = this.checkUsername('username', changes.username);
        if (changes.secret !== undefined) {
          c.sealedSecret = this.box.seal(this.checkSecret(secretField(c.type), c.type, changes.secret));
        }
        const saved = await em.save(c);
        await this.record(em, actor, saved, 'update_repository_credential', before, {
          ...snapshot(saved),
          ...(changes.secret !== undefined ? { secretChanged: true } : {}),
        });
        return saved;
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  /** Refused while a template or an application's settings use it. */
  async remove(actor: Principal, id: number, type?: CredentialType): Promise<void> {
    await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    await this.tx.run(
      async (em) => {
        const c = await em.findOneBy(RepositoryCredential, { id });
        if (!c || (type !== undefined && c.type !== type)) throw new NotFoundError('repository credential', id);
        const templates = await em.countBy(DeployTemplate, { credentialId: id });
        const settings = await em.countBy(DeploySetting, { credentialId: id });
        if (templates + settings > 0) {
          throw new ConflictError(
            `repository credential "${c.name}" is used by ${templates} template(s) and ${settings} application(s)`,
            'id',
          );
        }
        await em.delete(RepositoryCredential, { id });
        await this.record(em, actor, c, 'delete_repository_credential', snapshot(c), null);
      },
      { lock: DEPLOY_CONFIG_LOCK },
    );
  }

  private checkUsername(field: string, username: string): string {
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      throw new InvalidInputError(field, 'is required: 1-128 characters without spaces');
    }
    return username;
  }

  /** The secret as it will be used; the messages never repeat it. */
  private checkSecret(field: string, type: CredentialType, secret: string): string {
    if (typeof secret !== 'string' || secret.length === 0) throw new InvalidInputError(field, 'is required');
    if (type === CredentialType.PASSWORD) {
      if (secret.length > 1024) throw new InvalidInputError(field, 'must be at most 1024 characters');
      return secret;
    }
    if (secret.length > 16384) throw new InvalidInputError(field, 'must be at most 16384 characters');
    const parsed = sshUtils.parseKey(secret);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (!key || key instanceof Error || !key.isPrivateKey()) {
      throw new InvalidInputError(field, 'must be an unencrypted private key in OpenSSH or PEM format');
    }
    return secret;
  }

  private async checkNameFree(em: EntityManager, name: string, self: number | null, field: string): Promise<void> {
    const other = await em.findOneBy(RepositoryCredential, { name });
    if (other && other.id !== self) throw new ConflictError(`repository credential "${name}" already exists`, field);
  }

  private record(
    em: EntityManager,
    actor: Principal,
    c: RepositoryCredential,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'deploy',
      targetType: 'repository_credential',
      targetId: c.id,
      targetName: c.name,
      operation,
      before,
      after,
    });
  }
}
