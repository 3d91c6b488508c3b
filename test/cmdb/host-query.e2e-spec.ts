import { AclService } from '../../src/acl/acl.service';
import { UsersService } from '../../src/acl/users.service';
import { ApplicationInstancesService } from '../../src/cmdb/inventory/application-instances.service';
import { ApplicationsService } from '../../src/cmdb/inventory/applications.service';
import { HostStatus, HostType } from '../../src/cmdb/inventory/entities/host.entity';
import { AddrType } from '../../src/cmdb/inventory/entities/ip-address.entity';
import { HostQueryService } from '../../src/cmdb/inventory/host-query.service';
import { HostsService, NewHost } from '../../src/cmdb/inventory/hosts.service';
import { InvalidInputError } from '../../src/common/errors/domain-errors';
import { createTestApp, TestApp } from '../support/test-app';

describe('host queries over the inventory', () => {
  let t: TestApp;
  let hostQuery: HostQueryService;
  const id: Record<string, number> = {};

  /** Names of the matching hosts, in the service's order (id ascending). */
  const names = async (q: string) => (await hostQuery.find(q)).map((h) => h.name);

  beforeAll(async () => {
    t = await createTestApp();
    hostQuery = t.app.get(HostQueryService);
    const admin = await t.app.get(AclService).principalOf(await t.app.get(UsersService).getByUsername('admin'));
    const hosts = t.app.get(HostsService);
    const add = async (name: string, fields: Omit<NewHost, 'name'>) => {
      id[name] = (await hosts.create(admin, { ...fields, name })).id;
    };
    const ip = (address: string, addrType = AddrType.PRIVATE) => ({ address, addrType });
    await add('web-1', {
      hostType: HostType.ALI_ECS,
      status: HostStatus.INITED,
      osType: 'CentOS 7',
      cpu: 4,
      memory: 8192,
      location: 'hz',
      isInitialized: true,
      ips: [ip('10.0.0.1'), ip('203.0.113.1', AddrType.PUBLIC)],
    });
    await add('web-2', {
      hostType: HostType.ALI_ECS,
      osType: 'Ubuntu 22.04',
      cpu: 8,
      memory: 16384,
      location: 'bj',
      ips: [ip('10.0.0.2')],
    });
    await add('web-10', { hostType: HostType.PHY_HOST, cpu: 16, memory: 32768, ips: [ip('10.0.1.10')] });
    await add('db-1', {
      hostType: HostType.PHY_HOST,
      status: HostStatus.ATTACHED,
      osType: 'CentOS 7',
      cpu: 32,
      memory: 65536,
      location: 'hz',
      usage: 'mysql primary',
      ips: [ip('10.0.2.1'), ip('198.51.100.1', AddrType.PUBLIC)],
    });
    await add('db_2', { description: 'spare, 50% off' });

    const apps = t.app.get(ApplicationsService);
    const shop = await apps.create(admin, { name: 'shop' });
    const api = await apps.create(admin, { name: 'api', parentId: shop.id });
    const web = await apps.create(admin, { name: 'web', parentId: shop.id });
    const db = await apps.create(admin, { name: 'db', parentId: shop.id });
    await t.app
      .get(ApplicationInstancesService)
      .changeInstances(admin, api.id, [{ hostId: id['web-1'] }, { hostId: id['web-2'] }], 'add');
    await t.app.get(ApplicationInstancesService).changeInstances(admin, web.id, [{ hostId: id['web-10'] }], 'add');
    await t.app.get(ApplicationInstancesService).changeInstances(admin, db.id, [{ hostId: id['db-1'] }], 'add');
  });
  afterAll(() => t.close());

  it('answers ids and names, id ascending', async () => {
    expect(await hostQuery.find('hostname:db*')).toEqual([
      { id: id['db-1'], name: 'db-1' },
      { id: id['db_2'], name: 'db_2' },
    ]);
    expect(await names('_type:host')).toEqual(['web-1', 'web-2', 'web-10', 'db-1', 'db_2']);
  });

  it('finds nothing for an empty query, never every host', async () => {
    expect(await hostQuery.find('')).toEqual([]);
    expect(await hostQuery.find(' , ')).toEqual([]);
    expect(await hostQuery.find('hostname:nope-*')).toEqual([]);
  });

  it('matches names case-insensitively with * as the only wildcard', async () => {
    expect(await names('hostname:web-1*')).toEqual(['web-1', 'web-10']);
    expect(await names('HOSTNAME:WEB-1')).toEqual(['web-1']);
    expect(await names('name:*-1*')).toEqual(['web-1', 'web-10', 'db-1']);
    expect(await names('hostname:web_1')).toEqual([]);
    expect(await names('hostname:db_2')).toEqual(['db_2']);
    expect(await names('hostname:db%')).toEqual([]);
    expect(await names('description:*50%*')).toEqual(['db_2']);
    expect(await names('hostname:(web-2;db-*)')).toEqual(['web-2', 'db-1']);
  });

  it('compares numbers as numbers', async () => {
    expect(await names('cpu:>8')).toEqual(['web-10', 'db-1']);
    expect(await names('cpu:[4 _TO_ 16]')).toEqual(['web-1', 'web-2', 'web-10']);
    expect(await names('memory:<=16384')).toEqual(['web-1', 'web-2']);
    expect(await names('cpu:(4;32)')).toEqual(['web-1', 'db-1']);
    expect(await names('cpu:*')).toEqual(['web-1', 'web-2', 'web-10', 'db-1']);
    expect(await names(`_id:(${id['web-2']};${id['db-1']})`)).toEqual(['web-2', 'db-1']);
    expect(await names(`id:>${id['db-1']}`)).toEqual(['db_2']);
  });

  it('matches any address, or only private or public ones', async () => {
    expect(await names('ip:10.0.0.*')).toEqual(['web-1', 'web-2']);
    expect(await names('ip:203.0.113.1')).toEqual(['web-1']);
    expect(await names('public_ip:*')).toEqual(['web-1', 'db-1']);
    expect(await names('private_ip:203.0.113.1')).toEqual([]);
    expect(await names('private_ip:10.0.2.1')).toEqual(['db-1']);
  });

  it('matches hosts by the full name of an application with an instance on them', async () => {
    expect(await names('application:shop.api')).toEqual(['web-1', 'web-2']);
    expect(await names('application:SHOP.*')).toEqual(['web-1', 'web-2', 'web-10', 'db-1']);
    expect(await names('application:shop')).toEqual([]);
  });

  it('matches enum, text and boolean columns', async () => {
    expect(await names('host_type:ali_ecs')).toEqual(['web-1', 'web-2']);
    expect(await names('status:(inited;attached)')).toEqual(['web-1', 'db-1']);
    expect(await names('os_type:centos*')).toEqual(['web-1', 'db-1']);
    expect(await names('location:hz,usage:mysql*')).toEqual(['db-1']);
    expect(await names('is_initialized:true')).toEqual(['web-1']);
    expect(await names('is_initialized:0')).toEqual(['web-2', 'web-10', 'db-1', 'db_2']);
  });

  it('folds terms left to right: AND, OR, NOT and OR NOT', async () => {
    expect(await names('hostname:db*,-hostname:web-2')).toEqual(['web-2', 'db-1', 'db_2']);
    expect(await names('cpu:>=8,hostname:db*,-hostname:web-2')).toEqual(['web-2', 'db-1']);
    expect(await names('hostname:web*,~cpu:>4')).toEqual(['web-1']);
    // A host lacking the value never matches, so NOT keeps it and OR NOT does not add it.
    expect(await names('_type:host,~os_type:centos*')).toEqual(['web-2', 'web-10', 'db_2']);
    expect(await names('hostname:web-1,-~location:hz')).toEqual(['web-1', 'web-2']);
    expect(await names('_type:hosts,-hostname:nothing')).toEqual(['web-1', 'web-2', 'web-10', 'db-1', 'db_2']);
  });

  it('matches a bare word against the hostname or any address', async () => {
    expect(await names('web-2')).toEqual(['web-2']);
    expect(await names('198.51.100.1')).toEqual(['db-1']);
    expect(await names('10.0.*,~web*')).toEqual(['db-1']);
  });

  it('refuses malformed queries, unknown attributes, other types and wrong values, naming the field', async () => {
    const refusal = async (q: string) => {
      try {
        await hostQuery.find(q, 'hostQuery');
      } catch (e) {
        if (e instanceof InvalidInputError) return e.message;
        throw e;
      }
      throw new Error(`"${q}" was accepted`);
    };
    expect(await refusal('_type:server')).toBe(
      'hostQuery: position 7 (1-based): _type:server: hosts are the only type here: "server" is unknown',
    );
    expect(await refusal('hostname:web*,owner:bob')).toBe(
      'hostQuery: position 15 (1-based): owner:bob: unknown host attribute "owner" (known: hostname, name, host_type, status, os_status, os_type, cpu, memory, location, usage, description, is_initialized, ip, private_ip, public_ip, application, _id, id)',
    );
    expect(await refusal('cpu:abc')).toBe('hostQuery: position 5 (1-based): cpu:abc: "abc" is not a whole number');
    expect(await refusal('cpu:4*')).toMatch(/cpu:4\*: a whole number takes no wildcard/);
    expect(await refusal('host_type:mainframe')).toMatch(/"mainframe" is not one of ALI_ECS, PHY_HOST/);
    expect(await refusal('status:>raw')).toMatch(/not a range or comparison/);
    expect(await refusal('is_initialized:maybe')).toMatch(/"maybe" is not true or false/);
    expect(await refusal('cpu:[1 _TO_ 2 _TO_ 3]')).toBe(
      'hostQuery: position 15 (1-based): a range takes exactly one "_TO_"',
    );
    expect(await refusal("hostname:x' OR 1=1 --,:y")).toBe(
      'hostQuery: position 23 (1-based): a key is missing before ":"',
    );
  });

  it('keeps quotes and SQL text in values as plain data', async () => {
    expect(await names("hostname:x' OR '1'='1")).toEqual([]);
    expect(await names('hostname:web-1\\, db-1')).toEqual([]);
  });
});
