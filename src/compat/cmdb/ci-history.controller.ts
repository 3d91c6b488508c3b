import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CiHistoryService } from '../../cmdb/ci/ci-history.service';
import { OperateType } from '../../cmdb/ci/ci-value-diff';
import { parseDatetime } from '../../cmdb/ci/value-types';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { cmdbTime } from './acl-wire';
import { CmdbIdPipe, CmdbParams, CmdbSignedParams } from './cmdb-params';
import { HistoryRecordsParams } from './dto/ci-params.dto';

function time(value: string | undefined, field: 'start' | 'end'): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = parseDatetime(value);
  if (!parsed) throw new InvalidInputError(field, `incorrect ${field} date time`);
  return parsed;
}

/** `/api/v0.1/history`: one record per request that changed CIs, with its attribute and relation lines. */
@ApiTags('cmdb')
@Controller('api/v0.1/history')
export class CiHistoryController {
  constructor(private readonly history: CiHistoryService) {}

  /** A CI's attribute changes, newest first, as a bare array; values as stored text. */
  @Get('ci/:id')
  async ofCi(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    return (await this.history.ofCi(actor, id)).map((l) => ({
      hid: l.id,
      record_id: l.recordId,
      attr_id: l.attrId,
      attr_name: l.attrName,
      attr_alias: l.attrAlias,
      value_type: l.valueType,
      operate_type: l.operateType,
      old: l.old,
      new: l.new,
      username: l.operatorName,
      created_at: cmdbTime(l.createdAt),
    }));
  }

  @Get('records')
  async records(@CurrentPrincipal() actor: Principal, @CmdbParams() p: HistoryRecordsParams) {
    const start = time(p.start, 'start');
    const end = time(p.end, 'end');
    const [rows, numfound] = await this.history.records(
      actor,
      { start, end, username: p.username || undefined },
      p.offset,
      p.page_size,
    );
    return {
      numfound,
      total: rows.length,
      page: p.page,
      page_size: p.page_size,
      start: p.start ?? null,
      end: p.end ?? null,
      username: p.username ?? '',
      records: rows.map(({ record, attributes, relationsAdded, relationsDeleted }) => ({
        id: record.id,
        record_id: record.id,
        uid: record.operatorId,
        user: record.operatorName,
        username: record.operatorName,
        origin: record.origin,
        ticket_id: record.ticketId,
        reason: record.reason,
        created_at: cmdbTime(record.createdAt),
        timestamp: cmdbTime(record.createdAt),
        attr_history: attributes,
        rel_history: { add: relationsAdded, delete: relationsDeleted },
      })),
    };
  }

  /**
   * One record: `attr_history` keyed by attribute alias (the document's shape, one CI's view), the
   * complete lines in `attr_histories`, and relations as `[first CI, relation type, second CI]`.
   */
  @Get('records/:id')
  async record(
    @CurrentPrincipal() actor: Principal,
    @Param('id', CmdbIdPipe) id: number,
    @CmdbParams() _p: CmdbSignedParams,
  ) {
    const { record, attributes, relations } = await this.history.record(actor, id);
    const lines = attributes.filter((a) => a.attrId !== null);
    const rel = (op: string) =>
      relations.filter((r) => r.operateType === op).map((r) => [r.firstCiId, r.relationType, r.secondCiId]);
    return {
      record_id: record.id,
      username: record.operatorName,
      timestamp: cmdbTime(record.createdAt),
      ticket_id: record.ticketId,
      attr_history: Object.fromEntries(
        lines.map((l) => [l.attrAlias ?? String(l.attrId), { old: l.old, new: l.new, operate_type: l.operateType }]),
      ),
      attr_histories: attributes.map((l) => ({
        hid: l.id,
        ci_id: l.ciId,
        attr_id: l.attrId,
        attr_name: l.attrName,
        attr_alias: l.attrAlias,
        operate_type: l.operateType,
        old: l.old,
        new: l.new,
      })),
      rel_history: { add: rel(OperateType.ADD), delete: rel(OperateType.DELETE) },
    };
  }
}
