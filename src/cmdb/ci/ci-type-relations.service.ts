import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../common/auth/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CiDbService } from './ci-db.service';
import { auditCmdb } from './cmdb-audit';
import { nameTaken } from './named-rows';
import { CiPermissionsService } from './ci-permissions.service';
import { CiRelationType } from './entities/ci-relation-type.entity';
import { CiRelation } from './entities/ci-relation.entity';
import { CiTypeRelation } from './entities/ci-type-relation.entity';
import { CiType } from './entities/ci-type.entity';

const RELATION_TYPE_NAME = /^\S.{0,31}$/;

/**
 * Relation types (contain, deploy, connect…) and the relations between CI types that say which
 * CIs may hang under which. Administrators configure both.
 */
@Injectable()
export class CiTypeRelationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: CiDbService,
    private readonly perms: CiPermissionsService,
    private readonly audit: AuditService,
  ) {}

  // --- relation types

  relationTypes(): Promise<CiRelationType[]> {
    return this.dataSource.getRepository(CiRelationType).find({ order: { id: 'ASC' } });
  }

  /** By id, or by name (case-insensitive). */
  async relationType(key: string | number): Promise<CiRelationType> {
    const repo = this.dataSource.getRepository(CiRelationType);
    const found =
      typeof key === 'number' || /^\d+$/.test(key)
        ? await repo.findOneBy({ id: Number(key) })
        : await repo
            .createQueryBuilder('r')
            .where('LOWER(r.name) = :name', { name: key.trim().toLowerCase() })
            .getOne();
    if (!found) throw new NotFoundError('relation type', key);
    return found;
  }

  async createRelationType(actor: Principal, name: string): Promise<CiRelationType> {
    this.perms.assertConfig(actor, 'Managing relation types');
    const clean = this.checkName(name);
    return this.db.write(async (em) => {
      await this.checkNameFree(em, clean);
      const saved = await em.save(em.create(CiRelationType, { name: clean }));
      await auditCmdb(this.audit, em, actor, { type: 'ci_relation_type', id: saved.id, name: clean }, 'create', {
        after: { name: clean },
      });
      return saved;
    });
  }

  async renameRelationType(actor: Principal, id: number, name: string): Promise<CiRelationType> {
    this.perms.assertConfig(actor, 'Managing relation types');
    const clean = this.checkName(name);
    return this.db.write(async (em) => {
      const type = await em.findOneBy(CiRelationType, { id });
      if (!type) throw new NotFoundError('relation type', id);
      if (clean.toLowerCase() !== type.name.toLowerCase()) await this.checkNameFree(em, clean);
      const before = { name: type.name };
      type.name = clean;
      const saved = await em.save(type);
      await auditCmdb(this.audit, em, actor, { type: 'ci_relation_type', id, name: clean }, 'update', {
        before,
        after: { name: clean },
      });
      return saved;
    });
  }

  /**
   * Refused while a type relation or a CI relation uses it: a type relation given another relation
   * type keeps the CI relations made under the old one, and they would lose their type's name.
   */
  async deleteRelationType(actor: Principal, id: number): Promise<void> {
    this.perms.assertConfig(actor, 'Managing relation types');
    await this.db.write(async (em) => {
      const type = await em.findOneBy(CiRelationType, { id });
      if (!type) throw new NotFoundError('relation type', id);
      if (await em.existsBy(CiTypeRelation, { relationTypeId: id })) {
        throw new InvalidInputError('rel_id', `relation type ${type.name} is used by CIType relations`);
      }
      // Rare and stops at the first row; not worth an index of its own on ci_relations.
      if (await em.existsBy(CiRelation, { relationTypeId: id })) {
        throw new InvalidInputError('rel_id', `relation type ${type.name} is used by CI relations`);
      }
      await em.delete(CiRelationType, { id });
      await auditCmdb(this.audit, em, actor, { type: 'ci_relation_type', id, name: type.name }, 'delete', {
        before: { name: type.name },
        after: null,
      });
    });
  }

  // --- relations between CI types

  list(): Promise<CiTypeRelation[]> {
    return this.dataSource.getRepository(CiTypeRelation).find({ order: { id: 'ASC' } });
  }

  children(parentId: number): Promise<CiTypeRelation[]> {
    return this.dataSource.getRepository(CiTypeRelation).find({ where: { parentId }, order: { id: 'ASC' } });
  }

  parents(childId: number): Promise<CiTypeRelation[]> {
    return this.dataSource.getRepository(CiTypeRelation).find({ where: { childId }, order: { id: 'ASC' } });
  }

  async between(parentId: number, childId: number): Promise<CiTypeRelation | null> {
    return this.dataSource.getRepository(CiTypeRelation).findOneBy({ parentId, childId });
  }

  /** Relates parent type → child type; an existing pair keeps its id and takes the new relation type. */
  async set(
    actor: Principal,
    parentId: number,
    childId: number,
    relationType: string | number,
  ): Promise<CiTypeRelation> {
    this.perms.assertConfig(actor, 'Managing CIType relations');
    const relType = await this.relationType(relationType).catch((e: unknown) => {
      throw e instanceof NotFoundError ? new NotFoundError('relation type', relationType, 'relation_type_id') : e;
    });
    return this.db.write(async (em) => {
      for (const id of [parentId, childId]) {
        if (!(await em.existsBy(CiType, { id, deleted: false }))) throw new NotFoundError('CIType', id);
      }
      const existing = await em.findOneBy(CiTypeRelation, { parentId, childId });
      const before = existing ? { relationTypeId: existing.relationTypeId } : null;
      const saved = await em.save(
        existing
          ? Object.assign(existing, { relationTypeId: relType.id })
          : em.create(CiTypeRelation, { parentId, childId, relationTypeId: relType.id }),
      );
      await auditCmdb(
        this.audit,
        em,
        actor,
        { type: 'ci_type_relation', id: saved.id, name: `${parentId}->${childId}` },
        'set',
        {
          before,
          after: {
            parentId,
            childId,
            relationTypeId: relType.id,
          },
        },
      );
      return saved;
    });
  }

  /** By the (parent, child) pair or by the relation's id; 404 when there is none. */
  async remove(actor: Principal, ref: { id: number } | { parentId: number; childId: number }): Promise<CiTypeRelation> {
    this.perms.assertConfig(actor, 'Managing CIType relations');
    return this.db.write(async (em) => {
      const found = await em.findOneBy(CiTypeRelation, ref);
      if (!found) {
        throw new NotFoundError('CIType relation', 'id' in ref ? ref.id : `${ref.parentId} -> ${ref.childId}`);
      }
      await em.delete(CiTypeRelation, { id: found.id });
      await auditCmdb(
        this.audit,
        em,
        actor,
        { type: 'ci_type_relation', id: found.id, name: `${found.parentId}->${found.childId}` },
        'delete',
        {
          before: {
            relationTypeId: found.relationTypeId,
          },
          after: null,
        },
      );
      return found;
    });
  }

  private checkName(name: string): string {
    const clean = typeof name === 'string' ? name.trim() : '';
    if (!RELATION_TYPE_NAME.test(clean)) throw new InvalidInputError('name', 'must be 1-32 characters');
    return clean;
  }

  private async checkNameFree(em: EntityManager, name: string): Promise<void> {
    if (await nameTaken(em, CiRelationType, 'name', name)) {
      throw new ConflictError(`It's already existed: relation type ${name}`, 'name');
    }
  }
}
