import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { AttributeChangeView, CiHistoryService } from './ci-history.service';
import { HistoryRecordsArgs } from './dto/ci.inputs';
import { CiAttributeChange, CiHistoryRecordObject, CiHistoryRecordPage } from './dto/ci.objects';

function change(l: AttributeChangeView): CiAttributeChange {
  return {
    id: l.id,
    recordId: l.recordId,
    ciId: l.ciId,
    attributeId: l.attrId,
    attributeName: l.attrName,
    attributeAlias: l.attrAlias,
    operateType: l.operateType,
    old: l.old,
    new: l.new,
    operatorName: l.operatorName,
    createdAt: l.createdAt,
  };
}

@Resolver(() => CiHistoryRecordObject)
export class CiHistoryResolver {
  constructor(private readonly history: CiHistoryService) {}

  @Query(() => [CiAttributeChange], { description: "A CI's attribute changes, newest first" })
  async ciHistory(
    @CurrentPrincipal() actor: Principal,
    @Args('ciId', { type: () => Int }) ciId: number,
  ): Promise<CiAttributeChange[]> {
    return (await this.history.ofCi(actor, ciId)).map(change);
  }

  @Query(() => CiHistoryRecordPage, { description: 'Records newest first (administrators)' })
  async historyRecords(@CurrentPrincipal() actor: Principal, @Args() args: HistoryRecordsArgs) {
    const [rows, total] = await this.history.records(
      actor,
      { username: args.username, start: args.start, end: args.end },
      args.offset,
      args.limit,
    );
    return {
      items: rows.map(({ record, attributes, relationsAdded, relationsDeleted }) => ({
        ...record,
        attributes,
        relationsAdded,
        relationsDeleted,
      })),
      total,
      offset: args.offset,
      limit: args.limit,
    };
  }

  @Query(() => CiHistoryRecordObject, { description: 'One record with every line (administrators)' })
  async historyRecord(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
  ): Promise<CiHistoryRecordObject> {
    const { record, attributes, relations } = await this.history.record(actor, id);
    return {
      ...record,
      attributes: [...new Set(attributes.filter((a) => a.attrId !== null).map((a) => a.attrAlias ?? ''))],
      relationsAdded: relations.filter((r) => r.operateType === '0').length,
      relationsDeleted: relations.filter((r) => r.operateType === '1').length,
      attributeChanges: attributes.map(change),
      relationChanges: relations.map((r) => ({ ...r })),
    };
  }
}
