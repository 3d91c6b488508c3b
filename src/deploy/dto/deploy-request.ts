import { InvalidInputError } from '../../common/errors/domain-errors';
import type { ConfigPatch, HookSlot, RepositoryType } from '../deploy-config';
import { HOOK_SLOTS } from '../deploy-config';
import type { ConfigRequest } from '../deploy-config-writer';
import { CredentialType } from '../entities/repository-credential.entity';
import type { NewCredential } from '../repository-credentials.service';
import type { DeployConfigInput, RepositoryCredentialInput } from './deploy.inputs';

/** The secret a credential input gives for a credential of `type`; the other kind's field is refused. */
export function secretOf(input: RepositoryCredentialInput, type: CredentialType, field = ''): string | undefined {
  const password = type === CredentialType.PASSWORD;
  const [secret, wrong] = password ? [input.password, input.privateKey] : [input.privateKey, input.password];
  if (wrong !== undefined && wrong !== null) {
    throw new InvalidInputError(
      `${field}${password ? 'privateKey' : 'password'}`,
      `does not belong to a ${type} credential`,
    );
  }
  return secret ?? undefined;
}

/** A GraphQL credential input as the service takes it. */
export function newCredentialOf(input: RepositoryCredentialInput, field = ''): NewCredential {
  if (input.type === undefined || input.type === null) throw new InvalidInputError(`${field}type`, 'is required');
  const secret = secretOf(input, input.type, field);
  return { name: input.name ?? undefined, type: input.type, username: input.username ?? '', secret: secret ?? '' };
}

/** A GraphQL settings input as the service's request. */
export function configRequestOf(input: DeployConfigInput | undefined): ConfigRequest {
  if (!input) return {};
  const request: ConfigRequest = {
    enabled: input.enabled,
    deployPath: input.deployPath,
    scriptRunningUser: input.scriptRunningUser,
    timeout: input.timeout,
    keepBackups: input.keepBackups,
  };
  const r = input.repository;
  if (r === null) request.repository = null;
  else if (r !== undefined) {
    request.repository = {
      type: (r.type ?? undefined) as RepositoryType | undefined,
      url: r.url ?? undefined,
      branch: r.branch,
      credentialId: r.credentialId,
      newCredential: r.newCredential ? newCredentialOf(r.newCredential, 'repository.credential.') : undefined,
    };
    if (request.repository.newCredential && r.credentialId !== undefined) {
      throw new InvalidInputError('repository.credentialId', 'name a credential or give a new one, not both');
    }
  }
  if (input.hooks) {
    const hooks: ConfigPatch['hooks'] = {};
    for (const slot of HOOK_SLOTS) {
      const h = input.hooks[slot as HookSlot];
      if (h !== undefined) hooks[slot] = h && { scriptId: h.scriptId, runningUser: h.runningUser ?? null };
    }
    request.hooks = hooks;
  }
  return request;
}
