import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import { containing, ESCAPE } from '../database/like';
import type { Principal } from '../common/auth/principal';
import { hashPassword, verifyPassword } from '../common/crypto/password-hasher';
import { SecretBox } from '../common/crypto/secret-box';
import { sha256Hex } from '../common/crypto/sha256';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { MailService } from '../common/mail/mail.service';
import { AppConfig } from '../config/app-config';
import { PasswordReset } from './entities/password-reset.entity';
import { Role } from './entities/role.entity';
import { User, UserStatus } from './entities/user.entity';

export interface UserProfile {
  email?: string | null;
  phone?: string | null;
  nickname?: string | null;
  department?: string | null;
  publicKey?: string | null;
}

export interface NewUser extends UserProfile {
  username: string;
  password: string;
  type?: number;
  isAdmin?: boolean;
}

export interface UserChanges extends UserProfile {
  username?: string;
  type?: number;
  isAdmin?: boolean;
  status?: UserStatus;
}

/** Role membership to apply: replace with, add or remove these roles. */
export interface RoleChange {
  ids: number[];
  mode: 'set' | 'add' | 'remove';
}

export interface UserFilter {
  /** Substring of username, nickname or email. */
  search?: string;
  username?: string;
  email?: string;
  phone?: string;
  status?: UserStatus;
  roleId?: number;
}

const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RESET_TTL_MS = 2 * 3600 * 1000;

/** Fields of a user safe to keep in an audit entry. */
function snapshot(u: User): Record<string, unknown> {
  const { id, username, email, phone, nickname, department, type, status, isAdmin } = u;
  return { id, username, email, phone, nickname, department, type, status, isAdmin };
}

function checkProfile(p: UserProfile): void {
  if (p.email !== undefined && p.email !== null && (!EMAIL.test(p.email) || p.email.length > 255)) {
    throw new InvalidInputError('email', 'must be an email address');
  }
  if (p.phone && !/^[0-9+() -]{3,32}$/.test(p.phone)) throw new InvalidInputError('phone', 'must be a phone number');
  if (p.nickname && p.nickname.length > 64) throw new InvalidInputError('nickname', 'must be at most 64 characters');
  if (p.department && p.department.length > 128) {
    throw new InvalidInputError('department', 'must be at most 128 characters');
  }
  if (
    p.publicKey &&
    !/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-\S+) [A-Za-z0-9+/=]+( .*)?$/.test(p.publicKey.trim())
  ) {
    throw new InvalidInputError('public_key', 'must be an OpenSSH public key');
  }
}

function checkUsername(username: string): void {
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    throw new InvalidInputError('username', 'must be 1-64 letters, digits or ._@-');
  }
}

function checkPassword(field: string, password: string): void {
  if (typeof password !== 'string' || password.length < 8 || password.length > 1024) {
    throw new InvalidInputError(field, 'must be 8 to 1024 characters');
  }
}

function checkType(type: number | undefined): void {
  if (type !== undefined && type !== 0 && type !== 1) throw new InvalidInputError('type', 'must be 0 (dev) or 1 (ops)');
}

/** People: accounts, profiles, passwords, role membership, CMDB API keys. */
@Injectable()
export class UsersService {
  private readonly box: SecretBox;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {
    this.box = new SecretBox(config.secretKey);
    this.publicUrl = config.publicUrl;
  }

  /** Base of links put in mail. */
  private readonly publicUrl: string;

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Users by id, in one query; ids that do not exist are left out. */
  findByIds(ids: readonly number[]): Promise<User[]> {
    return ids.length ? this.users.find({ where: { id: In([...ids]) }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  /** Users with these ids, read inside the caller's transaction. */
  findByIdsIn(em: EntityManager, ids: readonly number[]): Promise<User[]> {
    return ids.length ? em.find(User, { where: { id: In([...ids]) }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  /** Ids of the users whose username or mail address is `value`. */
  async idsByUsernameOrEmail(value: string): Promise<number[]> {
    const rows = await this.users.find({ select: { id: true }, where: [{ username: value }, { email: value }] });
    return rows.map((u) => u.id);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findByApiKey(apiKey: string): Promise<User | null> {
    return this.users.findOneBy({ apiKey });
  }

  async get(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  async getByUsername(username: string): Promise<User> {
    const user = await this.users.findOneBy({ username });
    if (!user) throw new NotFoundError('user', username);
    return user;
  }

  /** Users with their roles, ordered by id. */
  async list(filter: UserFilter, offset: number, limit: number): Promise<[User[], number]> {
    const qb = this.users.createQueryBuilder('u').leftJoinAndSelect('u.roles', 'r');
    if (filter.username !== undefined) qb.andWhere('u.username = :username', { username: filter.username });
    if (filter.email !== undefined) qb.andWhere('u.email = :email', { email: filter.email });
    if (filter.phone !== undefined) qb.andWhere('u.phone = :phone', { phone: filter.phone });
    if (filter.status !== undefined) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.search) {
      const like = containing(filter.search);
      qb.andWhere(
        `(u.username LIKE :like ${ESCAPE} OR u.nickname LIKE :like ${ESCAPE} OR u.email LIKE :like ${ESCAPE})`,
        {
          like,
        },
      );
    }
    if (filter.roleId !== undefined) {
      qb.andWhere('u.id IN (SELECT ur.user_id FROM user_roles ur WHERE ur.role_id = :roleId)', {
        roleId: filter.roleId,
      });
    }
    return qb.orderBy('u.id', 'ASC').skip(offset).take(limit).getManyAndCount();
  }

  /** Roles of each user, in two queries whatever the number of users. */
  async rolesOfMany(userIds: readonly number[]): Promise<Role[][]> {
    const links = await this.dataSource
      .createQueryBuilder()
      .select(['ur.user_id AS userId', 'ur.role_id AS roleId'])
      .from('user_roles', 'ur')
      .where('ur.user_id IN (:...userIds)', { userIds: [...userIds] })
      .getRawMany<{ userId: number; roleId: number }>();
    const roleIds = [...new Set(links.map((l) => Number(l.roleId)))];
    const roles = roleIds.length ? await this.dataSource.getRepository(Role).findBy({ id: In(roleIds) }) : [];
    return userIds.map((id) => {
      const mine = new Set(links.filter((l) => Number(l.userId) === id).map((l) => Number(l.roleId)));
      return roles.filter((r) => mine.has(r.id)).sort((a, b) => a.id - b.id);
    });
  }

  rolesOf(userId: number): Promise<Role[]> {
    return this.rolesIn(this.dataSource.manager, userId);
  }

  /**
   * Creates an account. Administrators may create anyone; operators (type 1)
   * may create non-admin users, as Sophon's registration allowed.
   */
  async create(actor: Principal, input: NewUser): Promise<User> {
    const [user] = await this.createMany(actor, [input]);
    return user;
  }

  /**
   * Creates several accounts, each with its roles, in one transaction: all or none (the ops API
   * adds users in batches). Giving roles needs an administrator.
   */
  async createMany(actor: Principal, inputs: (NewUser & { roleIds?: number[] })[]): Promise<User[]> {
    const actorUser = await this.get(actor.userId);
    for (const input of inputs) {
      if (!actor.isAdmin && (actorUser.type !== 1 || input.isAdmin)) {
        throw new ForbiddenError('Creating users requires an administrator or an operator (type 1)');
      }
      if (!actor.isAdmin && input.roleIds?.length) {
        throw new ForbiddenError('Changing role membership requires an administrator');
      }
      checkUsername(input.username);
      checkPassword('password', input.password);
      checkProfile(input);
      checkType(input.type);
    }
    const names = inputs.map((i) => i.username);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw new ConflictError(`username "${repeated}" is given twice`, 'username');
    return this.tx.run(async (em) => {
      const created: User[] = [];
      for (const input of inputs) {
        await this.checkUsernameFree(em, input.username);
        const roles = await this.findRoles(em, input.roleIds ?? []);
        const user = await em.save(
          em.create(User, {
            username: input.username,
            passwordHash: await hashPassword(input.password),
            email: input.email ?? null,
            phone: input.phone ?? null,
            nickname: input.nickname ?? null,
            department: input.department ?? null,
            publicKey: input.publicKey?.trim() || null,
            type: input.type ?? 0,
            isAdmin: input.isAdmin ?? false,
            status: UserStatus.ENABLED,
            roles,
          }),
        );
        await this.record(em, actor, user, 'create', null, { ...snapshot(user), roles: roles.map((r) => r.name) });
        created.push(user);
      }
      return created;
    });
  }

  /** Profile fields are the user's own to change; username, type, admin flag and status are an administrator's. */
  update(actor: Principal, id: number, changes: UserChanges): Promise<User> {
    return this.updateAccount(actor, id, changes);
  }

  setStatus(actor: Principal, id: number, status: UserStatus): Promise<User> {
    return this.updateAccount(actor, id, { status });
  }

  /** Changes a password: the user's own needs the original; an administrator may set anyone's without it. */
  async changePassword(actor: Principal, id: number, original: string | undefined, next: string): Promise<void> {
    await this.updateAccount(actor, id, {}, { original, next });
  }

  /**
   * Profile, status, password and roles of one user changed together, all or nothing; each
   * part is audited as its own operation. The single-purpose methods above come through here.
   */
  async updateAccount(
    actor: Principal,
    id: number,
    changes: UserChanges,
    password?: { original?: string; next: string },
    roles?: RoleChange,
  ): Promise<User> {
    const self = actor.userId === id;
    const { status, ...profileChanges } = changes;
    const profile = Object.values(profileChanges).some((v) => v !== undefined);
    const privileged = changes.username !== undefined || changes.type !== undefined || changes.isAdmin !== undefined;
    if (profile && !actor.isAdmin && (!self || privileged)) {
      throw new ForbiddenError('Changing this user requires an administrator');
    }
    if (status !== undefined && !actor.isAdmin) {
      throw new ForbiddenError('Enabling or disabling users requires an administrator');
    }
    if (status === UserStatus.DISABLED && self) throw new InvalidInputError('id', 'you cannot disable yourself');
    if (changes.isAdmin === false && self)
      throw new InvalidInputError('is_admin', 'you cannot drop your own admin flag');
    if (password && !self && !actor.isAdmin) {
      throw new ForbiddenError("Changing another user's password requires an administrator");
    }
    if (roles && !actor.isAdmin) throw new ForbiddenError('Changing role membership requires an administrator');
    if (changes.username !== undefined) checkUsername(changes.username);
    checkProfile(changes);
    checkType(changes.type);
    if (password) checkPassword('new_password', password.next);

    return this.tx.run(async (em) => {
      const user = await this.lock(em, id);
      const before = snapshot(user);
      if (changes.username !== undefined && changes.username !== user.username) {
        await this.checkUsernameFree(em, changes.username);
      }
      const fields = ['username', 'email', 'phone', 'nickname', 'department', 'type', 'isAdmin'] as const;
      for (const f of fields) if (changes[f] !== undefined) Object.assign(user, { [f]: changes[f] });
      if (changes.publicKey !== undefined) user.publicKey = changes.publicKey?.trim() || null;
      if (status !== undefined) user.status = status;
      if (password) {
        if (self && !(await verifyPassword(password.original ?? '', user.passwordHash))) {
          throw new InvalidInputError('original_password', 'does not match').because('wrong_original_password');
        }
        user.passwordHash = await hashPassword(password.next);
      }
      const rolesBefore = roles ? await this.rolesIn(em, id) : [];
      if (roles) user.roles = await this.nextRoles(em, rolesBefore, roles);
      const saved = await em.save(user);

      if (profile) await this.record(em, actor, saved, 'update', before, snapshot(saved));
      if (status !== undefined && status !== before.status) {
        await this.record(
          em,
          actor,
          saved,
          status === UserStatus.ENABLED ? 'enable' : 'disable',
          before,
          snapshot(saved),
        );
      }
      if (password) await this.record(em, actor, saved, 'change_password', null, null);
      if (roles) {
        const names = (list: Role[]) => ({ roles: list.map((r) => r.name) });
        await this.record(em, actor, saved, 'change_roles', names(rolesBefore), names(saved.roles ?? []));
      }
      return saved;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    if (!actor.isAdmin) throw new ForbiddenError('Deleting users requires an administrator');
    if (actor.userId === id) throw new InvalidInputError('id', 'you cannot delete yourself');
    await this.tx.run(async (em) => {
      const user = await this.lock(em, id);
      await em.delete('grants', { subjectType: 'user', subjectId: id });
      await em.delete('api_tokens', { userId: id });
      await em.remove(user);
      await this.record(em, actor, { ...user, id }, 'delete', snapshot({ ...user, id }), null);
    });
  }

  /** Mails a one-time reset link to the user's address. Self-service, or an administrator's for anyone. */
  async requestPasswordReset(actor: Principal | null, id: number): Promise<void> {
    if (actor && actor.userId !== id && !actor.isAdmin) {
      throw new ForbiddenError("Resetting another user's password requires an administrator");
    }
    await this.tx.run(async (em) => {
      const user = await this.lock(em, id);
      if (!user.email) throw new InvalidInputError('email', 'the user has no email address to send a reset link to');
      const token = randomBytes(32).toString('base64url');
      await em.save(
        em.create(PasswordReset, {
          userId: user.id,
          tokenHash: sha256Hex(token),
          expiresAt: new Date(Date.now() + RESET_TTL_MS),
        }),
      );
      await this.mail.queue(em, {
        to: user.email,
        subject: 'Password reset',
        body:
          `A password reset was requested for ${user.username}.\n\n` +
          `Set a new password within two hours: ${this.publicUrl}/auth/reset-password?token=${token}\n` +
          `(POST {"token", "password"} to that path.) If you did not ask for this, ignore this mail.\n`,
      });
      await this.record(em, actor, user, 'forget_password', null, null);
    });
  }

  /** Consumes a reset token once and sets the new password. */
  async resetPassword(token: string, next: string): Promise<void> {
    checkPassword('password', next);
    const tokenHash = sha256Hex(String(token));
    await this.tx.run(async (em) => {
      const reset = await em.findOneBy(PasswordReset, { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
      // The conditional update claims the token: of two concurrent resets only one changes a row.
      const claimed = reset
        ? await em.update(PasswordReset, { id: reset.id, usedAt: IsNull() }, { usedAt: new Date() })
        : undefined;
      if (!reset || claimed?.affected !== 1) throw new InvalidInputError('token', 'is invalid, used or expired');
      const user = await this.lock(em, reset.userId);
      user.passwordHash = await hashPassword(next);
      await em.save(user);
      await this.record(em, null, user, 'reset_password', null, null);
    });
  }

  /** Replaces, adds or removes role memberships (administrators only). */
  async changeRoles(actor: Principal, id: number, roleIds: number[], mode: RoleChange['mode']): Promise<Role[]> {
    const user = await this.updateAccount(actor, id, {}, undefined, { ids: roleIds, mode });
    return user.roles ?? [];
  }

  /** Issues the caller a new CMDB key and secret; the secret is shown this once and kept sealed. */
  async resetKeySecret(actor: Principal): Promise<{ key: string; secret: string }> {
    const key = randomUUID().replace(/-/g, '');
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~!@#$%^&*?';
    const secret = [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
    await this.tx.run(async (em) => {
      const user = await this.lock(em, actor.userId);
      user.apiKey = key;
      user.apiSecret = this.box.seal(secret);
      await em.save(user);
      await this.record(em, actor, user, 'reset_key_secret', null, null);
    });
    return { key, secret };
  }

  /**
   * Self-service reset for someone who cannot log in: mails the link only when `email` is the
   * user's own address, and answers the same either way so addresses cannot be probed.
   */
  async forgetPassword(id: number, email: string): Promise<void> {
    const user = await this.users.findOneBy({ id });
    if (!user?.email || user.email.toLowerCase() !== email.trim().toLowerCase()) return;
    await this.requestPasswordReset(null, id);
  }

  /**
   * Sets the caller's own password without the original, for wire formats that send only the new
   * one (Sophon): the caller is already authenticated by a live token. Audited as such.
   */
  async setOwnPassword(actor: Principal, next: string): Promise<void> {
    checkPassword('password', next);
    await this.tx.run(async (em) => {
      const user = await this.lock(em, actor.userId);
      user.passwordHash = await hashPassword(next);
      await em.save(user);
      await this.record(em, actor, user, 'change_password', null, { originalChecked: false });
    });
  }

  private async checkUsernameFree(em: EntityManager, username: string): Promise<void> {
    if (await em.existsBy(User, { username })) {
      throw new ConflictError(`username "${username}" is already taken`, 'username');
    }
  }

  private async findRoles(em: EntityManager, ids: number[]): Promise<Role[]> {
    const roles = ids.length ? await em.findBy(Role, { id: In(ids) }) : [];
    const missing = ids.find((r) => !roles.some((x) => x.id === r));
    if (missing !== undefined) throw new NotFoundError('role', missing, 'roles');
    return roles;
  }

  private rolesIn(em: EntityManager, userId: number): Promise<Role[]> {
    return em
      .getRepository(Role)
      .createQueryBuilder('r')
      .innerJoin('user_roles', 'ur', 'ur.role_id = r.id AND ur.user_id = :userId', { userId })
      .orderBy('r.id')
      .getMany();
  }

  private async nextRoles(em: EntityManager, current: Role[], change: RoleChange): Promise<Role[]> {
    const named = await this.findRoles(em, change.ids);
    if (change.mode === 'set') return named;
    if (change.mode === 'remove') return current.filter((r) => !change.ids.includes(r.id));
    return [...current, ...named.filter((r) => !current.some((c) => c.id === r.id))];
  }

  private async lock(em: EntityManager, id: number): Promise<User> {
    const user = await em.findOneBy(User, { id });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  private record(
    em: EntityManager,
    actor: Principal | null,
    user: Pick<User, 'id' | 'username'>,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      operatorName: actor ? undefined : 'system',
      module: 'acl',
      targetType: 'user',
      targetId: user.id,
      targetName: user.username,
      operation,
      before,
      after,
    });
  }
}
