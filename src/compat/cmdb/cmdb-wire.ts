// The CI engine's objects in the shapes the CMDB's `/api/v0.1` answers with (cmdb.md §10). The
// wire rule: answer with both generations' field names (`name` and `attr_name`, `id` and `type_id`…).
import type { CiAttribute } from '../../cmdb/ci/entities/ci-attribute.entity';
import type { CiRelationType } from '../../cmdb/ci/entities/ci-relation-type.entity';
import type { CiTypeRelation } from '../../cmdb/ci/entities/ci-type-relation.entity';
import type { CiType } from '../../cmdb/ci/entities/ci-type.entity';
import { cmdbTime } from './acl-wire';

function softDeleteKeys(row: { deleted?: boolean; deletedAt?: Date | null }) {
  return { deleted: row.deleted ?? false, deleted_at: cmdbTime(row.deletedAt ?? null) };
}

export function attributeDict(a: CiAttribute, choices: readonly unknown[] = []) {
  return {
    id: a.id,
    attr_id: a.id,
    name: a.name,
    attr_name: a.name,
    alias: a.alias,
    attr_alias: a.alias,
    value_type: a.valueType,
    is_choice: choices.length > 0,
    choice_value: [...choices],
    is_list: a.isList,
    is_multivalue: a.isList,
    is_unique: a.isUnique,
    is_uniq: a.isUnique,
    is_index: a.isIndex,
    is_link: a.isLink,
    is_password: a.isPassword,
    is_sortable: a.isSortable,
    created_at: cmdbTime(a.createdAt),
    updated_at: cmdbTime(a.updatedAt),
    ...softDeleteKeys(a),
  };
}

/** `unique_key`/`uniq_key`/`unique_name`: the name of the type's key attribute. */
export function typeDict(t: CiType, uniqueKey: string | null) {
  return {
    id: t.id,
    type_id: t.id,
    name: t.name,
    type_name: t.name,
    alias: t.alias,
    type_alias: t.alias,
    unique_id: t.uniqueId,
    unique_key: uniqueKey,
    uniq_key: uniqueKey,
    unique_name: uniqueKey,
    enabled: t.enabled,
    is_attached: t.isAttached,
    icon_url: t.iconUrl ?? '',
    order: t.position,
    created_at: cmdbTime(t.createdAt),
    updated_at: cmdbTime(t.updatedAt),
    ...softDeleteKeys(t),
  };
}

export function relationTypeDict(r: CiRelationType) {
  return {
    id: r.id,
    name: r.name,
    created_at: cmdbTime(r.createdAt),
    updated_at: cmdbTime(r.updatedAt),
    deleted: false,
    deleted_at: null,
  };
}

export function typeRelationDict(r: CiTypeRelation) {
  return {
    id: r.id,
    ctr_id: r.id,
    parent_id: r.parentId,
    child_id: r.childId,
    relation_type_id: r.relationTypeId,
    created_at: null,
    updated_at: null,
    deleted: false,
    deleted_at: null,
  };
}
