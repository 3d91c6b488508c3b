import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { containing, ESCAPE } from '../../database/like';
import { CatalogAttribute } from './ci-catalog';
import { catalogAttribute } from './ci-catalog.service';
import { auditCmdb } from './cmdb-audit';
import { findLiveByKey, nameTaken } from './named-rows';
import { CiDbService } from './ci-db.service';
import { aliasProblem, nameProblem } from './ci-names';
import { CiPermissionsService } from './ci-permissions.service';
import { CiValuesService, VALUE_ENTITIES } from './ci-values.service';
import { CiAttributeChoice } from './entities/ci-attribute-choice.entity';
import { CiAttribute } from './entities/ci-attribute.entity';
import { CiPreferenceAttribute } from './entities/ci-preference-attribute.entity';
import { CiTypeAttributeGroupItem } from './entities/ci-type-attribute-group-item.entity';
import { CiTypeAttribute } from './entities/ci-type-attribute.entity';
import { CiType } from './entities/ci-type.entity';
import {
  canHaveChoices,
  formatValue,
  parseValueType,
  sameKey,
  StoredValue,
  tableOf,
  toStored,
  ValueType,
} from './value-types';

export interface AttributeFields {
  name?: string;
  alias?: string | null;
  valueType?: ValueType;
  isList?: boolean;
  isUnique?: boolean;
  isIndex?: boolean;
  isLink?: boolean;
  isPassword?: boolean;
  isSortable?: boolean;
  /** The allowed values; an empty list lets the attribute take any value. */
  choices?: unknown[];
}

export interface AttributeFilter {
  /** Part of the name or the alias, ignoring case. */
  search?: string;
  name?: string;
  alias?: string;
}

const FLAGS = ['isList', 'isUnique', 'isIndex', 'isLink', 'isPassword', 'isSortable'] as const;
const MAX_CHOICES = 1000;

function snapshot(a: CiAttribute, choices: readonly unknown[]) {
  const { id, name, alias, valueType, isList, isUnique, isIndex, isLink, isPassword, isSortable } = a;
  return { id, name, alias, valueType, isList, isUnique, isIndex, isLink, isPassword, isSortable, choices };
}

/**
 * CI attributes: global definitions CI types pick from. Administrators manage them; anyone signed
 * in may read them. Deleting one flags it, detaches it from every type and drops its values.
 */
@Injectable()
export class CiAttributesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly values: CiValuesService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  list(filter: AttributeFilter, offset: number, limit: number): Promise<[CiAttribute[], number]> {
    const qb = this.dataSource
      .getRepository(CiAttribute)
      .createQueryBuilder('a')
      .where('a.deleted = :no', { no: false });
    if (filter.search) {
      qb.andWhere(`(LOWER(a.name) LIKE :like ${ESCAPE} OR LOWER(a.alias) LIKE :like ${ESCAPE})`, {
        like: containing(filter.search.toLowerCase()),
      });
    }
    if (filter.name) qb.andWhere(`LOWER(a.name) LIKE :n ${ESCAPE}`, { n: containing(filter.name.toLowerCase()) });
    if (filter.alias) qb.andWhere(`LOWER(a.alias) LIKE :al ${ESCAPE}`, { al: containing(filter.alias.toLowerCase()) });
    return qb.orderBy('a.id').skip(offset).take(limit).getManyAndCount();
  }

  /** A live attribute by id, name or alias (name first). */
  async get(key: string | number): Promise<CiAttribute> {
    const found = await this.find(this.dataSource.manager, key);
    if (!found) throw new NotFoundError('attribute', key);
    return found;
  }

  async getMany(ids: readonly number[]): Promise<CiAttribute[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(CiAttribute).findBy({ id: In([...ids]), deleted: false });
  }

  /** The choice values of each attribute, as rows show them. */
  async choicesOf(attrs: readonly CiAttribute[]): Promise<Map<number, unknown[]>> {
    const ids = attrs.map((a) => a.id);
    const rows = ids.length
      ? await this.dataSource
          .getRepository(CiAttributeChoice)
          .find({ where: { attrId: In(ids) }, order: { position: 'ASC', id: 'ASC' } })
      : [];
    const result = new Map<number, unknown[]>(ids.map((id) => [id, []]));
    for (const a of attrs) {
      const vt = parseValueType(a.valueType) ?? ValueType.TEXT;
      for (const r of rows.filter((c) => c.attrId === a.id)) {
        const stored = toStored(vt, r.value);
        result.get(a.id)?.push(stored === undefined ? r.value : formatValue(vt, stored));
      }
    }
    return result;
  }

  async create(actor: Principal, input: AttributeFields): Promise<CiAttribute> {
    this.perms.assertConfig(actor, 'Managing CI attributes');
    if (input.name === undefined) throw new InvalidInputError('name', 'Argument name is required');
    const fields = { ...input, name: input.name, alias: input.alias || input.name };
    const valueType = fields.valueType ?? ValueType.TEXT;
    this.checkFields(fields, valueType);
    const choices = this.checkedChoices(valueType, fields.choices ?? []);
    return this.db.write(
      async (em) => {
        await this.checkUnique(em, fields.name, fields.alias);
        const attr = em.create(CiAttribute, {
          name: fields.name,
          alias: fields.alias,
          valueType,
          ...Object.fromEntries(FLAGS.map((f) => [f, fields[f] ?? false])),
          deleted: false,
          deletedAt: null,
        });
        const saved = await em.save(attr);
        await this.saveChoices(em, saved.id, choices);
        await auditCmdb(this.audit, em, actor, { type: 'ci_attribute', id: saved.id, name: saved.name }, 'create', {
          after: snapshot(saved, choices),
        });
        return saved;
      },
      { names: true },
    );
  }

  /**
   * Changes an attribute. A change that would misread stored values (another value table, a
   * password flag, one value where CIs hold several, unique where CIs share one) is refused.
   */
  async update(actor: Principal, id: number, input: AttributeFields): Promise<CiAttribute> {
    this.perms.assertConfig(actor, 'Managing CI attributes');
    return this.db.write(
      async (em) => {
        const attr = await this.find(em, id);
        if (!attr) throw new NotFoundError('attribute', id);
        const before = snapshot(attr, await this.storedChoices(em, id));
        const valueType = input.valueType ?? (parseValueType(attr.valueType) as ValueType);
        const merged = { ...snapshot(attr, []), ...dropUndefined(input), valueType };
        const next = {
          ...merged,
          choices: input.choices ?? [],
          alias: input.alias === null || input.alias === '' ? merged.name : (merged.alias ?? merged.name),
        };
        this.checkFields(next, valueType);
        const choices = input.choices === undefined ? undefined : this.checkedChoices(valueType, input.choices);
        await this.checkUnique(em, next.name, next.alias, id);
        const current = catalogAttribute(attr, []);
        const inUse = await this.values.attributeInUse(em, current);
        if (inUse) await this.checkCompatible(em, attr, current, next);
        Object.assign(attr, {
          name: next.name,
          alias: next.alias,
          valueType,
          ...Object.fromEntries(FLAGS.map((f) => [f, next[f]])),
        });
        const saved = await em.save(attr);
        if (choices !== undefined) await this.saveChoices(em, id, choices);
        const after = snapshot(saved, choices ?? before.choices);
        await auditCmdb(this.audit, em, actor, { type: 'ci_attribute', id: saved.id, name: saved.name }, 'update', {
          before,
          after: after,
        });
        return saved;
      },
      { names: true },
    );
  }

  /** Refused while the attribute is a live type's key; otherwise detached everywhere and its values dropped. */
  async remove(actor: Principal, id: number): Promise<CiAttribute> {
    this.perms.assertConfig(actor, 'Managing CI attributes');
    return this.db.write(async (em) => {
      const attr = await this.find(em, id);
      if (!attr) throw new NotFoundError('attribute', id);
      const keyOf = await em.findOneBy(CiType, { uniqueId: id, deleted: false });
      if (keyOf) {
        throw new InvalidInputError('attr_id', `attribute ${attr.name} is the unique key of CIType ${keyOf.name}`);
      }
      const before = snapshot(attr, await this.storedChoices(em, id));
      await this.values.deleteOfAttribute(em, catalogAttribute(attr, []));
      await em.delete(CiTypeAttribute, { attrId: id });
      await em.delete(CiTypeAttributeGroupItem, { attrId: id });
      await em.delete(CiPreferenceAttribute, { attrId: id });
      attr.deleted = true;
      attr.deletedAt = new Date();
      const saved = await em.save(attr);
      await auditCmdb(this.audit, em, actor, { type: 'ci_attribute', id: saved.id, name: saved.name }, 'delete', {
        before,
        after: null,
      });
      return saved;
    });
  }

  private find(em: EntityManager, key: string | number): Promise<CiAttribute | null> {
    return findLiveByKey(em, CiAttribute, key);
  }

  private checkFields(f: AttributeFields & { name: string; alias: string }, valueType: ValueType): void {
    const nameIssue = nameProblem(f.name, 'attribute');
    if (nameIssue) throw new InvalidInputError('name', nameIssue);
    const aliasIssue = aliasProblem(f.alias);
    if (aliasIssue) throw new InvalidInputError('alias', aliasIssue);
    if (f.isPassword) {
      if (valueType !== ValueType.TEXT) throw new InvalidInputError('is_password', 'a password attribute holds text');
      if (f.isUnique || f.isList || (f.choices?.length ?? 0) > 0) {
        throw new InvalidInputError('is_password', 'a password attribute cannot be unique, multi-value or a choice');
      }
    }
  }

  private checkedChoices(valueType: ValueType, raw: unknown[]): StoredValue[] {
    if (raw.length === 0) return [];
    if (!canHaveChoices(valueType)) {
      throw new InvalidInputError('choice_value', 'only int, float and text attributes can have choice values');
    }
    if (raw.length > MAX_CHOICES) throw new InvalidInputError('choice_value', `at most ${MAX_CHOICES} values`);
    const seen = new Set<string>();
    const out: StoredValue[] = [];
    for (const v of raw) {
      const stored = toStored(valueType, v);
      if (stored === undefined || stored === '' || String(stored).length > 255) {
        throw new InvalidInputError(
          'choice_value',
          `${typeof v === 'string' ? v : JSON.stringify(v)} is not a valid choice`,
        );
      }
      const key = sameKey(valueType, stored);
      if (!seen.has(key)) out.push(stored);
      seen.add(key);
    }
    return out;
  }

  private async checkUnique(em: EntityManager, name: string, alias: string, exceptId?: number): Promise<void> {
    for (const [column, value] of [
      ['name', name],
      ['alias', alias],
    ] as const) {
      if (await nameTaken(em, CiAttribute, column, value, { where: { deleted: false }, exceptId })) {
        throw new ConflictError(`attribute ${column} ${value} is duplicated`, column);
      }
    }
  }

  private async checkCompatible(
    em: EntityManager,
    attr: CiAttribute,
    current: CatalogAttribute,
    next: Required<Pick<AttributeFields, 'isList' | 'isUnique' | 'isPassword'>> & { valueType: ValueType },
  ): Promise<void> {
    if (tableOf(next.valueType) !== tableOf(current.valueType)) {
      throw new InvalidInputError('value_type', `CIs hold values of ${attr.name}: its value type cannot change`);
    }
    if (next.isPassword !== current.isPassword) {
      throw new InvalidInputError('is_password', `CIs hold values of ${attr.name}: is_password cannot change`);
    }
    const table = VALUE_ENTITIES[tableOf(current.valueType)];
    const repeated = (column: string) =>
      em
        .getRepository(table)
        .createQueryBuilder('v')
        .select(column)
        .where('v.attr_id = :id', { id: attr.id })
        .groupBy(column)
        .having('COUNT(1) > 1')
        .limit(1)
        .getRawOne();
    if (current.isList && !next.isList && (await repeated('v.ci_id'))) {
      throw new InvalidInputError('is_list', `CIs hold several values of ${attr.name}`);
    }
    const key = tableOf(current.valueType) === 'text' ? 'LOWER(v.value)' : 'v.value';
    if (!current.isUnique && next.isUnique && (await repeated(key))) {
      throw new InvalidInputError('is_unique', `CIs share values of ${attr.name}`);
    }
  }

  private async storedChoices(em: EntityManager, attrId: number): Promise<string[]> {
    const rows = await em.find(CiAttributeChoice, { where: { attrId }, order: { position: 'ASC', id: 'ASC' } });
    return rows.map((r) => r.value);
  }

  private async saveChoices(em: EntityManager, attrId: number, choices: readonly StoredValue[]): Promise<void> {
    await em.delete(CiAttributeChoice, { attrId });
    await this.db.insertMany(
      em,
      CiAttributeChoice,
      choices.map((value, position) => ({ attrId, value: String(value), position })),
    );
  }
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
