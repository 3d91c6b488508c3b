import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AclService } from '../acl/acl.service';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import {
  ConfigPatch,
  DeployConfig,
  HOOK_SLOTS,
  HOOK_WIRE_NAMES,
  patchConfig,
  RepositoryConfig,
  scriptIdsOf,
} from './deploy-config';
import { checkConfig } from './deploy-input-rules';
import { DeployScript } from './entities/deploy-script.entity';
import { RepositoryCredential } from './entities/repository-credential.entity';
import {
  DEPLOY_MGMT,
  DEPLOY_MODULE,
  NewCredential,
  RepositoryCredentialsService,
} from './repository-credentials.service';

/** A change to a layer as a caller asks for it: the repository's credential may be a new one, given inline. */
export type ConfigRequest = Omit<ConfigPatch, 'repository'> & {
  repository?: (NonNullable<ConfigPatch['repository']> & { newCredential?: NewCredential }) | null;
};

/** What templates and applications' settings share when they change: one set of rules for a layer. */
@Injectable()
export class DeployConfigWriter {
  constructor(
    private readonly acl: AclService,
    private readonly credentials: RepositoryCredentialsService,
  ) {}

  /**
   * The layer after `request`, in the caller's transaction: an inline credential is created, the
   * values are checked, named scripts and credentials must exist, and pairing a credential with a
   * URL it was not used with needs the permission that manages credentials.
   */
  async apply(
    em: EntityManager,
    actor: Principal,
    own: DeployConfig,
    inherited: RepositoryConfig | null,
    request: ConfigRequest,
  ): Promise<DeployConfig> {
    let patch: ConfigPatch = request;
    const newCredential = request.repository?.newCredential;
    if (request.repository && newCredential) {
      const created = await this.credentials.createIn(em, actor, newCredential, 'repository.credential.');
      const { newCredential: _given, ...repository } = request.repository;
      patch = { ...request, repository: { ...repository, credentialId: created.id } };
    }
    const { config, credentialPaired } = patchConfig(own, inherited, patch);
    checkConfig(config);
    const credentialId = config.repository?.credentialId ?? null;
    if (credentialId !== null && !(await em.existsBy(RepositoryCredential, { id: credentialId }))) {
      throw new NotFoundError('repository credential', credentialId, 'repository.credential');
    }
    if (credentialPaired) await this.acl.assert(actor, DEPLOY_MGMT, DEPLOY_MODULE);
    const scriptIds = scriptIdsOf(config);
    if (scriptIds.length > 0) {
      const found = await em.find(DeployScript, { select: { id: true }, where: { id: In(scriptIds) } });
      for (const slot of HOOK_SLOTS) {
        const id = config.hooks[slot]?.scriptId;
        if (id !== undefined && !found.some((s) => s.id === id)) {
          throw new NotFoundError('deploy script', id, `lifecycle_hooks.${HOOK_WIRE_NAMES[slot]}.script`);
        }
      }
    }
    return config;
  }
}
