import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AclService } from '../acl/acl.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { SecretBox } from '../common/crypto/secret-box';
import { InvalidInputError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { CdnProvider } from './cdn-refresh-input';
import type { CdnCredentials } from './cdn/cdn-client';
import { CdnProviderSetting } from './entities/cdn-provider-setting.entity';
import { checkWebUrl } from './web-urls';

export interface CdnProviderInput {
  provider: CdnProvider;
  endpoint: string;
  accessKeyId: string;
  /** Write-only; omitted keeps the stored one unless the endpoint changes. */
  secret?: string;
}

/**
 * Where each CDN provider's API is and its credentials, set by administrators. The secret is
 * sealed at rest, never answered, and dropped when the endpoint moves without a new one, so a
 * credential is never sent to an address it was not given for.
 */
@Injectable()
export class CdnProvidersService {
  private readonly box: SecretBox;

  constructor(
    config: AppConfig,
    private readonly tx: Transactions,
    @InjectRepository(CdnProviderSetting) private readonly settings: Repository<CdnProviderSetting>,
    private readonly acl: AclService,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(config.secretKey);
  }

  list(actor: Principal): Promise<CdnProviderSetting[]> {
    this.acl.assertAdmin(actor, 'Reading CDN provider settings');
    return this.settings.find({ order: { provider: 'ASC' } });
  }

  async configure(actor: Principal, input: CdnProviderInput): Promise<CdnProviderSetting> {
    this.acl.assertAdmin(actor, 'Configuring a CDN provider');
    if (!(Object.values(CdnProvider) as string[]).includes(input.provider)) {
      throw new InvalidInputError('provider', `must be one of ${Object.values(CdnProvider).join(', ')}`);
    }
    const endpoint = checkWebUrl(input.endpoint, 'endpoint');
    if (typeof input.accessKeyId !== 'string' || input.accessKeyId.trim() === '' || input.accessKeyId.length > 255) {
      throw new InvalidInputError('access_key_id', 'must be 1 to 255 characters');
    }
    if (input.secret !== undefined && (input.secret === '' || input.secret.length > 1024)) {
      throw new InvalidInputError('secret', 'must be 1 to 1024 characters');
    }
    return this.tx.run(async (em) => {
      const current = await em.findOneBy(CdnProviderSetting, { provider: input.provider });
      const moved = current !== null && current.endpoint !== endpoint;
      const sealed =
        input.secret !== undefined ? this.box.seal(input.secret) : moved ? null : (current?.sealedSecret ?? null);
      const saved = await em.save(
        em.create(CdnProviderSetting, {
          provider: input.provider,
          endpoint,
          accessKeyId: input.accessKeyId.trim(),
          sealedSecret: sealed,
          updatedBy: actor.username,
        }),
      );
      const view = (s: CdnProviderSetting | null) =>
        s && { endpoint: s.endpoint, accessKeyId: s.accessKeyId, secret: s.sealedSecret !== null };
      await this.audit.record(em, {
        operator: actor,
        module: 'toolbox',
        targetType: 'cdn_provider',
        targetId: input.provider,
        targetName: input.provider,
        operation: current ? 'update' : 'add',
        before: view(current),
        after: view(saved),
      });
      return saved;
    });
  }

  /** The provider's endpoint and unsealed credentials, or null when it is not configured with a secret. */
  async credentialsOf(provider: CdnProvider): Promise<CdnCredentials | null> {
    const s = await this.settings.findOneBy({ provider });
    if (!s || s.sealedSecret === null) return null;
    return { endpoint: s.endpoint, accessKeyId: s.accessKeyId, secret: this.box.open(s.sealedSecret) };
  }

  /** Whether tasks can go to the provider: it has an endpoint and a secret. */
  async isUsable(provider: CdnProvider): Promise<boolean> {
    return (await this.settings.findOneBy({ provider }))?.sealedSecret != null;
  }
}
