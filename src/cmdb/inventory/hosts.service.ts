import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { AclService, moduleRef } from '../../acl/acl.service';
import { GrantsService } from '../../acl/grants.service';
import { RESOURCE_PERMISSIONS } from '../../acl/permission-catalog';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { SecretBox } from '../../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { AppConfig } from '../../config/app-config';
import { groupBy } from '../../common/group-by';
import { containing, ESCAPE } from '../../database/like';
import type { SshTarget } from '../../execution/ssh-target';
import { HostPoll } from './entities/host-poll.entity';
import { Host, HostStatus, HostType, OsStatus } from './entities/host.entity';
import { AddrOwner, AddrType, IpAddress } from './entities/ip-address.entity';
import { checkIps, IpInput } from './host-input';

export interface HostFields {
  hostType?: HostType;
  status?: HostStatus;
  osStatus?: OsStatus | null;
  osType?: string | null;
  cpu?: number | null;
  memory?: number | null;
  location?: string | null;
  description?: string | null;
  usage?: string | null;
  isInitialized?: boolean;
}

/** How to log in: the secret is sealed before it is stored and never read back out to a client. */
export interface SshInput {
  address?: string | null;
  port?: number;
  user?: string | null;
  privateKey?: string;
  password?: string;
}

export interface NewHost extends HostFields {
  name: string;
  ips?: IpInput[];
  ssh?: SshInput;
}

export interface HostChanges extends HostFields {
  name?: string;
  /** Replaces the host's addresses when given. */
  ips?: IpInput[];
  /** With `ips`: replace only the host's own, non-virtual addresses of these types and keep the rest. */
  ipTypes?: readonly AddrType[];
  ssh?: SshInput;
}

/** A host another module orders for itself (an approved host request's required host). */
export interface NewRawHost {
  name: string;
  hostType?: HostType;
  osType?: string | null;
  cpu?: number | null;
  memory?: number | null;
  description?: string | null;
}

export interface HostFilter {
  name?: string;
  /** Any of these names. */
  names?: string[];
  /** Part of the name. */
  search?: string;
  hostType?: HostType;
  status?: HostStatus;
  ids?: number[];
  /** Only hosts with a greater id: keyset paging, as cheap on the last page as on the first. */
  afterId?: number;
}

/** What a host's row may show a caller, per host. */
export const HOST_ACTIONS = RESOURCE_PERMISSIONS.host;

const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** Names or ids per IN list: far below either dialect's bound-parameter limit. */
const NAME_CHUNK = 5000;

function snapshot(h: Host, ips: IpAddress[]): Record<string, unknown> {
  const { id, name, hostType, status, osStatus, osType, cpu, memory, location, description, usage, isInitialized } = h;
  return {
    ...{ id, name, hostType, status, osStatus, osType, cpu, memory, location, description, usage, isInitialized },
    ssh: { address: h.sshAddress, port: h.sshPort, user: h.sshUser, secret: h.sshSecretKind },
    ips: ips.map((i) => i.address),
  };
}

function checkFields(f: HostFields): void {
  const enums: [keyof HostFields, object, string][] = [
    ['hostType', HostType, 'host_type'],
    ['status', HostStatus, 'status'],
    ['osStatus', OsStatus, 'os_status'],
  ];
  for (const [key, values, field] of enums) {
    const v = f[key];
    if (v !== undefined && v !== null && !Object.values(values).includes(v)) {
      throw new InvalidInputError(field, `must be one of ${Object.values(values).join(', ')}`);
    }
  }
  for (const [key, field] of [
    ['cpu', 'cpu'],
    ['memory', 'memory'],
  ] as const) {
    const v = f[key];
    if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0)) {
      throw new InvalidInputError(field, 'must be a non-negative integer');
    }
  }
}

function checkSsh(ssh: SshInput): void {
  if (ssh.port !== undefined && (!Number.isInteger(ssh.port) || ssh.port < 1 || ssh.port > 65535)) {
    throw new InvalidInputError('ssh.port', 'must be a port from 1 to 65535');
  }
  if (ssh.privateKey !== undefined && ssh.password !== undefined) {
    throw new InvalidInputError('ssh', 'give a private key or a password, not both');
  }
  if (ssh.privateKey !== undefined && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(ssh.privateKey)) {
    throw new InvalidInputError('ssh.private_key', 'must be a PEM or OpenSSH private key');
  }
}

/** The shared inventory of machines: every module's hosts are these rows. */
@Injectable()
export class HostsService {
  private readonly box: SecretBox;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    @InjectRepository(Host) private readonly hosts: Repository<Host>,
    private readonly acl: AclService,
    private readonly grants: GrantsService,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(config.secretKey);
  }

  async get(id: number): Promise<Host> {
    const host = await this.hosts.findOneBy({ id });
    if (!host) throw new NotFoundError('host', id);
    return host;
  }

  async getByName(name: string): Promise<Host> {
    const host = await this.hosts.findOneBy({ name });
    if (!host) throw new NotFoundError('host', name);
    return host;
  }

  /** A page of the hosts the filter matches and how many it matches, queried at once. */
  list(filter: HostFilter, offset: number, limit: number): Promise<[Host[], number]> {
    return Promise.all([this.page(filter, offset, limit), this.count(filter)]);
  }

  /** A page of the hosts the filter matches, in id order. */
  async page(filter: HostFilter, offset: number, limit: number): Promise<Host[]> {
    const qb = this.filtered(filter);
    return qb ? qb.orderBy('h.id').offset(offset).limit(limit).getMany() : [];
  }

  /** How many hosts the filter matches. */
  async count(filter: HostFilter): Promise<number> {
    return (await this.filtered(filter)?.getCount()) ?? 0;
  }

  /** The filter as a query, or null when it cannot match (an empty list of names or ids). */
  private filtered(filter: HostFilter): SelectQueryBuilder<Host> | null {
    const qb = this.hosts.createQueryBuilder('h');
    if (filter.name !== undefined) qb.andWhere('h.name = :name', { name: filter.name });
    if (filter.names !== undefined) {
      if (filter.names.length === 0) return null;
      qb.andWhere('h.name IN (:...names)', { names: filter.names });
    }
    if (filter.search) qb.andWhere(`h.name LIKE :like ${ESCAPE}`, { like: containing(filter.search) });
    if (filter.hostType !== undefined) qb.andWhere('h.hostType = :hostType', { hostType: filter.hostType });
    if (filter.status !== undefined) qb.andWhere('h.status = :status', { status: filter.status });
    if (filter.ids !== undefined) {
      if (filter.ids.length === 0) return null;
      qb.andWhere('h.id IN (:...ids)', { ids: filter.ids });
    }
    if (filter.afterId !== undefined) qb.andWhere('h.id > :afterId', { afterId: filter.afterId });
    return qb;
  }

  /** Addresses of each host, in one query. */
  async ipsOf(hostIds: readonly number[]): Promise<IpAddress[][]> {
    const rows = hostIds.length
      ? await this.dataSource
          .getRepository(IpAddress)
          .find({ where: { hostId: In([...hostIds]) }, order: { id: 'ASC' } })
      : [];
    return groupBy(hostIds, rows, (r) => r.hostId);
  }

  /** Latest poll of each host (null before the first), in one query. */
  async pollsOf(hostIds: readonly number[]): Promise<(HostPoll | null)[]> {
    const rows = hostIds.length
      ? await this.dataSource.getRepository(HostPoll).findBy({ hostId: In([...hostIds]) })
      : [];
    return groupBy(hostIds, rows, (r) => r.hostId).map((polls) => polls[0] ?? null);
  }

  /** The `available_actions` of each host for the caller. */
  availableActions(actor: Principal, hostIds: readonly number[]): Promise<Map<string, string[]>> {
    return this.acl.availableActions(actor, 'host', hostIds, HOST_ACTIONS);
  }

  async create(actor: Principal, input: NewHost): Promise<Host> {
    await this.acl.assert(actor, 'add_host', moduleRef('host'));
    this.checkName(input.name);
    checkFields(input);
    checkIps(input.ips ?? []);
    if (input.ssh) checkSsh(input.ssh);
    return this.tx.run(async (em) => {
      if (await em.existsBy(Host, { name: input.name }))
        throw new ConflictError(`host "${input.name}" already exists`, 'name');
      const host = em.create(Host, { name: input.name, hostType: HostType.OTHER, status: HostStatus.RAW });
      this.assign(host, input);
      const saved = await em.save(host);
      const ips = await this.replaceIps(em, saved.id, input.ips ?? []);
      await this.record(em, actor, saved, 'add', null, snapshot(saved, ips));
      return saved;
    });
  }

  async update(actor: Principal, id: number, changes: HostChanges): Promise<Host> {
    await this.acl.assert(actor, 'edit_host', { type: 'host', id });
    if (changes.name !== undefined) this.checkName(changes.name);
    checkFields(changes);
    const { ipTypes } = changes;
    if (changes.ips) {
      checkIps(changes.ips);
      changes.ips.forEach((ip, i) => {
        if (ipTypes && !ipTypes.includes(ip.addrType ?? AddrType.PRIVATE)) {
          throw new InvalidInputError(`ips[${i}].addr_type`, `must be one of ${ipTypes.join(', ')}`);
        }
      });
    }
    if (changes.ssh) checkSsh(changes.ssh);
    return this.tx.run(async (em) => {
      const host = await this.lock(em, id);
      const current = await em.findBy(IpAddress, { hostId: id });
      const before = snapshot(host, current);
      if (
        changes.name !== undefined &&
        changes.name !== host.name &&
        (await em.existsBy(Host, { name: changes.name }))
      ) {
        throw new ConflictError(`host "${changes.name}" already exists`, 'name');
      }
      if (changes.name !== undefined) host.name = changes.name;
      this.assign(host, changes);
      const saved = await em.save(host);
      let ips = current;
      if (changes.ips) {
        const replaced = (ip: IpAddress) =>
          !ipTypes || (ip.owner === AddrOwner.HOST && !ip.isVirtual && ipTypes.includes(ip.addrType));
        const kept = current.filter((ip) => !replaced(ip));
        changes.ips.forEach((ip, i) => {
          if (kept.some((k) => k.address === ip.address)) {
            throw new InvalidInputError(`ips[${i}].address`, `${ip.address} is already another address of this host`);
          }
        });
        ips = [...kept, ...(await this.replaceIps(em, id, changes.ips, current.filter(replaced)))];
      }
      await this.record(em, actor, saved, 'update', before, snapshot(saved, ips));
      return saved;
    });
  }

  async remove(actor: Principal, id: number): Promise<void> {
    await this.acl.assert(actor, 'delete_host', { type: 'host', id });
    await this.tx.run(async (em) => {
      const host = await this.lock(em, id);
      const before = snapshot(host, await em.findBy(IpAddress, { hostId: id }));
      await em.delete(Host, { id });
      await this.grants.removeOnResourceIn(em, { type: 'host', id });
      await this.record(em, actor, { ...host, id }, 'delete', before, null);
    });
  }

  /**
   * Hosts by name, creating the missing ones (one audit entry each) inside the caller's transaction.
   * Names are checked against the host-name rule; `field` names them in errors. Answers in the
   * order of `names`, each name once. Concurrent callers may create the same name: the insert
   * ignores rows that appeared meanwhile and everything is read back.
   */
  async ensureByNames(
    em: EntityManager,
    actor: Principal | null,
    names: readonly string[],
    field = 'hostname',
  ): Promise<{ id: number; name: string }[]> {
    const unique = [...new Set(names)];
    unique.forEach((n) => this.checkName(n, field));
    const existing = await this.idsByNamesIn(em, unique);
    const missing = unique.filter((n) => !existing.has(n));
    if (missing.length > 0) {
      for (let i = 0; i < missing.length; i += NAME_CHUNK) {
        const rows = missing.slice(i, i + NAME_CHUNK).map((name) => ({ name }));
        await em.createQueryBuilder().insert().into(Host).values(rows).orIgnore().updateEntity(false).execute();
      }
      const created = await this.idsByNamesIn(em, missing);
      await this.audit.recordMany(
        em,
        missing
          .filter((n) => created.has(n))
          .map((name) => ({
            operator: actor,
            module: 'host',
            targetType: 'host',
            targetId: created.get(name),
            targetName: name,
            operation: 'add',
            after: { id: created.get(name), name },
          })),
      );
      created.forEach((id, name) => existing.set(name, id));
    }
    return unique.map((name) => ({ id: existing.get(name) as number, name }));
  }

  /** Creates hosts that must not exist yet (409 naming the first taken or repeated name). */
  async createNamed(
    em: EntityManager,
    actor: Principal | null,
    names: readonly string[],
    field = 'hostname',
  ): Promise<{ id: number; name: string }[]> {
    names.forEach((n) => this.checkName(n, field));
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw new ConflictError(`host "${repeated}" is given twice`, field);
    const taken = await this.idsByNamesIn(em, names);
    if (taken.size > 0) throw new ConflictError(`host "${[...taken.keys()][0]}" already exists`, field);
    return this.ensureByNames(em, actor, names, field);
  }

  /**
   * Checks the names of hosts another module will create later, naming the offending one with
   * `field(i)`: each must follow the host-name rule and appear once. No database access.
   */
  checkNewNames(names: readonly string[], field: (i: number) => string): void {
    names.forEach((n, i) => {
      this.checkName(n, field(i));
      if (names.indexOf(n) !== i) throw new InvalidInputError(field(i), `host "${n}" is given twice`);
    });
  }

  /**
   * Creates hosts with status raw inside the caller's transaction, for a module that checked its
   * own permission (an approved host request): 409 naming the first taken or repeated name with
   * `field(i)`, one audit entry each. Answers their ids in the order given.
   */
  async createRawIn(
    em: EntityManager,
    actor: Principal | null,
    hosts: readonly NewRawHost[],
    field: (i: number) => string = (i) => `hosts[${i}].name`,
  ): Promise<{ id: number; name: string }[]> {
    const names = hosts.map((h) => h.name);
    names.forEach((n, i) => this.checkName(n, field(i)));
    hosts.forEach((h) => checkFields(h));
    const repeated = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (repeated >= 0) throw new ConflictError(`host "${names[repeated]}" is given twice`, field(repeated));
    const taken = await this.idsByNamesIn(em, names);
    const first = names.findIndex((n) => taken.has(n));
    if (first >= 0) throw new ConflictError(`host "${names[first]}" already exists`, field(first));
    const created: { id: number; name: string }[] = [];
    for (const input of hosts) {
      const host = em.create(Host, { name: input.name, hostType: HostType.OTHER, status: HostStatus.RAW });
      this.assign(host, { ...input, status: HostStatus.RAW });
      const saved = await em.save(host);
      await this.record(em, actor, saved, 'add', null, snapshot(saved, []));
      created.push({ id: saved.id, name: saved.name });
    }
    return created;
  }

  /**
   * Locks the hosts' rows until the caller's transaction ends, in id order so two callers never
   * wait on each other crosswise. SQLite has one writer at a time already.
   */
  async lockRows(em: EntityManager, ids: readonly number[]): Promise<void> {
    if (em.connection.options.type === 'better-sqlite3' || ids.length === 0) return;
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i += NAME_CHUNK) {
      await em
        .createQueryBuilder(Host, 'h')
        .select('h.id')
        .where('h.id IN (:...ids)', { ids: sorted.slice(i, i + NAME_CHUNK) })
        .orderBy('h.id')
        .setLock('pessimistic_write')
        .getRawMany();
    }
  }

  /** Id and name of each host, in one query per chunk; unknown ids are left out. */
  async namesOf(ids: readonly number[], em: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += NAME_CHUNK) {
      const rows = await em
        .createQueryBuilder(Host, 'h')
        .select(['h.id AS id', 'h.name AS name'])
        .where('h.id IN (:...ids)', { ids: unique.slice(i, i + NAME_CHUNK) })
        .getRawMany<{ id: number; name: string }>();
      rows.forEach((r) => out.set(Number(r.id), r.name));
    }
    return out;
  }

  /** Renames a host for a module that checked its own permission; one audit entry. */
  async renameIn(em: EntityManager, actor: Principal | null, id: number, name: string, field = 'hostname') {
    this.checkName(name, field);
    const host = await this.lock(em, id);
    if (await em.existsBy(Host, { name })) throw new ConflictError(`host "${name}" already exists`, field);
    const before = host.name;
    await em.update(Host, { id }, { name });
    await this.record(em, actor, { ...host, name }, 'update', { name: before }, { name });
  }

  /** Id and stored name of the host with this name (the database's collation decides the match). */
  async findByNameIn(em: EntityManager, name: string): Promise<{ id: number; name: string } | null> {
    return em.findOne(Host, { where: { name }, select: { id: true, name: true } });
  }

  /** Ids of the hosts with these names, read inside the caller's transaction; unknown names are left out. */
  async idsByNamesIn(em: EntityManager, names: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < names.length; i += NAME_CHUNK) {
      const rows = await em
        .createQueryBuilder(Host, 'h')
        .select(['h.id AS id', 'h.name AS name'])
        .where('h.name IN (:...names)', { names: names.slice(i, i + NAME_CHUNK) })
        .getRawMany<{ id: number; name: string }>();
      rows.forEach((r) => out.set(r.name, Number(r.id)));
    }
    return out;
  }

  /** Where and how to log in to a host, its secret unsealed: for the execution module only. */
  async sshTargetOf(id: number): Promise<SshTarget> {
    const host = await this.get(id);
    const address =
      host.sshAddress ??
      (
        await this.dataSource
          .getRepository(IpAddress)
          .findOne({ where: { hostId: id }, order: { addrType: 'ASC', id: 'ASC' } })
      )?.address;
    if (!address) throw new InvalidInputError('ssh.address', `host "${host.name}" has no address to reach it by`);
    if (!host.sshUser || !host.sshSecret) {
      throw new InvalidInputError('ssh', `host "${host.name}" has no SSH login configured`);
    }
    const secret = this.box.open(host.sshSecret);
    return {
      host: address,
      port: host.sshPort,
      username: host.sshUser,
      ...(host.sshSecretKind === 'password' ? { password: secret } : { privateKey: secret }),
    };
  }

  private assign(host: Host, f: HostFields & { ssh?: SshInput }): void {
    const keys = [
      'hostType',
      'status',
      'osStatus',
      'osType',
      'cpu',
      'memory',
      'location',
      'description',
      'usage',
      'isInitialized',
    ] as const;
    for (const k of keys) if (f[k] !== undefined) Object.assign(host, { [k]: f[k] });
    const ssh = f.ssh;
    if (!ssh) return;
    if (ssh.address !== undefined) host.sshAddress = ssh.address;
    if (ssh.port !== undefined) host.sshPort = ssh.port;
    if (ssh.user !== undefined) host.sshUser = ssh.user;
    const secret = ssh.privateKey ?? ssh.password;
    if (secret !== undefined) {
      host.sshSecret = this.box.seal(secret);
      host.sshSecretKind = ssh.privateKey !== undefined ? 'private_key' : 'password';
    }
  }

  /** Deletes `replaced` (all of the host's addresses when omitted) and stores `ips` instead. */
  private async replaceIps(
    em: EntityManager,
    hostId: number,
    ips: IpInput[],
    replaced?: IpAddress[],
  ): Promise<IpAddress[]> {
    if (replaced === undefined) await em.delete(IpAddress, { hostId });
    else if (replaced.length > 0) await em.delete(IpAddress, { id: In(replaced.map((ip) => ip.id)) });
    if (ips.length === 0) return [];
    return em.save(
      ips.map((ip) =>
        em.create(IpAddress, {
          hostId,
          address: ip.address,
          netmask: ip.netmask ?? null,
          network: ip.network ?? null,
          isVirtual: ip.isVirtual ?? false,
          addrType: ip.addrType ?? AddrType.PRIVATE,
          owner: ip.owner,
        }),
      ),
    );
  }

  private checkName(name: string, field = 'name'): void {
    if (typeof name !== 'string' || !HOST_NAME.test(name)) {
      throw new InvalidInputError(field, 'must be 1-255 letters, digits or ._- and start with a letter or digit');
    }
  }

  private async lock(em: EntityManager, id: number): Promise<Host> {
    const host = await em.findOneBy(Host, { id });
    if (!host) throw new NotFoundError('host', id);
    return host;
  }

  private record(
    em: EntityManager,
    actor: Principal | null,
    host: Host,
    operation: string,
    before: unknown,
    after: unknown,
  ) {
    return this.audit.record(em, {
      operator: actor,
      module: 'host',
      targetType: 'host',
      targetId: host.id,
      targetName: host.name,
      operation,
      before,
      after,
    });
  }
}
