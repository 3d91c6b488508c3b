import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HostStatus, HostType, OsStatus } from './entities/host.entity';
import { compileHostQuery, HostEnums } from '../search/host-query-compiler';
import { parseQuery } from '../search/query-parser';

const ENUMS: HostEnums = {
  hostType: Object.values(HostType),
  status: Object.values(HostStatus),
  osStatus: Object.values(OsStatus),
};

/** Answers a host query (the CMDB search language over the inventory's hosts), e.g. Hermes `hostQuery`. */
@Injectable()
export class HostQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The hosts matching `q`, id ascending; an empty query finds none. A malformed
   * query or an unknown attribute is an InvalidInputError naming `field`.
   */
  async find(q: string, field = 'q'): Promise<{ id: number; name: string }[]> {
    const query = compileHostQuery(parseQuery(q, field), ENUMS);
    const rows: { id: number | string; name: string }[] = await this.dataSource.query(query.text, [...query.params]);
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }
}
