import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HostPoll } from '../../cmdb/inventory/entities/host-poll.entity';
import { Host } from '../../cmdb/inventory/entities/host.entity';
import { AddrType, IpAddress } from '../../cmdb/inventory/entities/ip-address.entity';
import { HostsService } from '../../cmdb/inventory/hosts.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';

import { SophonNewHostBody } from './dto/sophon-host.dto';
import { withWireFields } from '../wire-fields';

/** Sophon logged in as the local user; hosts added here log in as root unless `ssh_user` says otherwise. */
const DEFAULT_SSH_USER = 'root';

/** Hosts read per query while listing them all: a few queries per page, never one per host. */
const STATUS_PAGE = 500;

/** The inventory's field names for what Sophon calls `hostname`, `ip` and `ssh_secret_key`. */
const FIELD_NAMES = { name: 'hostname', 'ips[0].address': 'ip', 'ssh.private_key': 'ssh_secret_key' };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Sophon shows usage as `[used, total]`; the poll records shares, so the pair is `[percent used, 100]`. */
function usage(percent: number | null | undefined): number[] {
  return percent === null || percent === undefined ? [] : [round2(percent), 100];
}

/**
 * One host as Sophon's status table reads it (the original's keys). Before the first poll
 * `Status` and `CPU Load` are null and the usages empty.
 */
function toSophonStatus(host: Host, ips: IpAddress[], poll: HostPoll | null) {
  const ip = host.sshAddress ?? ips.find((i) => i.addrType === AddrType.PRIVATE)?.address ?? ips[0]?.address;
  return {
    Hostname: host.name,
    IP: ip ?? null,
    Status: poll ? (poll.reachable ? 'Active' : 'Down') : null,
    'CPU Load': poll?.load1 === null || poll?.load1 === undefined ? null : round2(poll.load1),
    'Memory Usage': usage(poll?.memoryUsed),
    'Disk Usage': usage(poll?.diskUsed),
  };
}
type SophonHostStatus = ReturnType<typeof toSophonStatus>;

/** /api/host: hosts are the inventory's; answers are keyed by host id, as Sophon's were. */
@ApiTags('sophon')
@Controller('api/host')
export class SophonHostsController {
  constructor(private readonly hosts: HostsService) {}

  /** Adds a host reached over SSH at `ip` with the given key; answers `{id: status}` of the new host. */
  @Post()
  @HttpCode(200)
  async add(@CurrentPrincipal() actor: Principal, @Body() body: SophonNewHostBody) {
    const host = await withWireFields(FIELD_NAMES, () =>
      this.hosts.create(actor, {
        name: body.hostname,
        ips: [{ address: body.ip, addrType: AddrType.PRIVATE }],
        ssh: { address: body.ip, user: body.ssh_user ?? DEFAULT_SSH_USER, privateKey: body.ssh_secret_key },
      }),
    );
    return this.statusOf([host]);
  }

  /** Every host's latest polled state, keyed by id. */
  @Get('status')
  async status() {
    const answer: Record<number, SophonHostStatus> = {};
    for (let offset = 0; ; offset += STATUS_PAGE) {
      const hosts = await this.hosts.page({}, offset, STATUS_PAGE);
      Object.assign(answer, await this.statusOf(hosts));
      if (hosts.length < STATUS_PAGE) return answer;
    }
  }

  private async statusOf(hosts: Host[]): Promise<Record<number, SophonHostStatus>> {
    const ids = hosts.map((h) => h.id);
    const [ips, polls] = await Promise.all([this.hosts.ipsOf(ids), this.hosts.pollsOf(ids)]);
    return Object.fromEntries(hosts.map((h, i) => [h.id, toSophonStatus(h, ips[i], polls[i])]));
  }
}
