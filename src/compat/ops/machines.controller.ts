import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Host } from '../../cmdb/inventory/entities/host.entity';
import { AddrOwner, AddrType, IpAddress } from '../../cmdb/inventory/entities/ip-address.entity';
import type { IpInput } from '../../cmdb/inventory/host-input';
import { HostFields, HostsService } from '../../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import {
  OpsAddMachine,
  OpsDeleteMachineArgs,
  OpsMachineActionBody,
  OpsMachineFields,
  OpsMachineQuery,
  OpsUpdateMachine,
} from './dto/ops-machine.dto';
import { parseData, validateBody } from './ops-body';
import { OpsEnvelope } from './ops-envelope';
import { withWireFields } from '../wire-fields';

/** The address ops shows for a type: the host's own, non-virtual one (virtual and LB addresses are not the machine's). */
function ownIp(ips: IpAddress[], type: AddrType): string {
  return ips.find((ip) => ip.addrType === type && ip.owner === AddrOwner.HOST && !ip.isVirtual)?.address ?? '';
}

/** An ops machine is a host; `userage` is the seed's spelling, `usage` its argument list's. */
function toOpsMachine(host: Host, ips: IpAddress[]) {
  const usage = host.usage ?? '';
  return {
    id: host.id,
    machine_name: host.name,
    inside_ip: ownIp(ips, AddrType.PRIVATE),
    outside_ip: ownIp(ips, AddrType.PUBLIC),
    userage: usage,
    usage,
    is_initialized: host.isInitialized ? 1 : 0,
    location: host.location ?? '',
  };
}

function usageOf(m: OpsMachineFields): string | undefined {
  if (m.userage !== undefined && m.usage !== undefined && m.userage !== m.usage) {
    throw new InvalidInputError('usage', 'differs from userage');
  }
  return m.userage ?? m.usage;
}

function fieldsOf(m: OpsMachineFields): HostFields {
  const initialized = m.is_initialized;
  return {
    usage: usageOf(m),
    location: m.location,
    isInitialized: initialized === undefined ? undefined : initialized === 1,
  };
}

/**
 * The addresses a machine sends, in order, with the ops name of each: the inventory's errors
 * name `ips[i]`, renamed back to `inside_ip`/`outside_ip`. An empty `outside_ip` means none.
 */
function addressesOf(m: OpsMachineFields): { types: AddrType[]; ips: IpInput[]; names: Record<string, string> } {
  const sent: [string | undefined, AddrType, string][] = [
    [m.inside_ip, AddrType.PRIVATE, 'inside_ip'],
    [m.outside_ip, AddrType.PUBLIC, 'outside_ip'],
  ];
  const types: AddrType[] = [];
  const ips: IpInput[] = [];
  const names: Record<string, string> = { name: 'machine_name' };
  for (const [address, addrType, field] of sent) {
    if (address === undefined) continue;
    types.push(addrType);
    if (address === '' && addrType === AddrType.PUBLIC) continue;
    names[`ips[${ips.length}].address`] = field;
    ips.push({ address, addrType });
  }
  return { types, ips, names };
}

/** /api/machine: the inventory's hosts, as ops machines. */
@ApiTags('ops')
@Controller('api/machine')
export class OpsMachinesController {
  constructor(private readonly hosts: HostsService) {}

  /** With `machine_name`, that machine (start and count are not read); else a page of `{data, count}`. */
  @Get()
  async list(@Query() query: OpsMachineQuery) {
    if (query.machine_name !== undefined) {
      const host = await this.hosts.getByName(query.machine_name);
      const [ips] = await this.hosts.ipsOf([host.id]);
      return OpsEnvelope.ok(toOpsMachine(host, ips));
    }
    const [hosts, total] = await this.hosts.list({}, query.start ?? 0, query.count ?? 10);
    const ips = await this.hosts.ipsOf(hosts.map((h) => h.id));
    return OpsEnvelope.list(
      hosts.map((h, i) => toOpsMachine(h, ips[i])),
      total,
    );
  }

  @Post()
  @HttpCode(200)
  async change(@CurrentPrincipal() actor: Principal, @Body() body: OpsMachineActionBody) {
    const data = parseData(body.data);
    if (Array.isArray(data)) throw new InvalidInputError('data', 'must be one machine object');
    if (body.action === 'add') {
      const { data: machine } = await validateBody(OpsAddMachine, { action: 'add', data });
      const { ips, names } = addressesOf(machine);
      await withWireFields(names, () =>
        this.hosts.create(actor, { name: machine.machine_name, ...fieldsOf(machine), ips }),
      );
      return OpsEnvelope.ok('add machine info ok');
    }
    const { data: changes } = await validateBody(OpsUpdateMachine, { action: 'update', data });
    const fields = fieldsOf(changes);
    const host = await this.hosts.getByName(changes.machine_name);
    const { types, ips, names } = addressesOf(changes);
    await withWireFields(names, () => this.hosts.update(actor, host.id, { ...fields, ips, ipTypes: types }));
    return OpsEnvelope.ok('update machine info ok');
  }

  @Delete()
  @HttpCode(200)
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Query() query: OpsDeleteMachineArgs,
    @Body() body: OpsDeleteMachineArgs,
  ) {
    const name = query.machine_name ?? body.machine_name;
    if (name === undefined) throw new InvalidInputError('machine_name', 'is required');
    const host = await this.hosts.getByName(name);
    await this.hosts.remove(actor, host.id);
    // The seed's text, typo included: clients may compare it.
    return OpsEnvelope.ok('delete machin info ok');
  }
}
