import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { CredentialType } from '../../deploy/entities/repository-credential.entity';
import { RepositoryCredentialsService } from '../../deploy/repository-credentials.service';
import { PlatformCredentialBody, PlatformCredentialQuery } from './dto/platform-deploy.dto';
import { offsetOf } from './dto/platform-page.query';
import { requestUrl } from './platform-acl-mapping';
import { PlatformCredential, toPlatformCredential } from './platform-deploy-wire';
import { PlatformEnvelope } from './platform-envelope';
import { PlatformIdPipe } from './platform-id.pipe';

/** The path segment of each credential type: the seed has password/; ssh-private-key/ is its twin. */
const KINDS: Record<string, { type: CredentialType; secret: 'password' | 'private_key' }> = {
  password: { type: CredentialType.PASSWORD, secret: 'password' },
  'ssh-private-key': { type: CredentialType.SSH_PRIVATE_KEY, secret: 'private_key' },
};

function kindOf(kind: string) {
  const found = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
  if (!found) throw new NotFoundError('credential kind', kind);
  return found;
}

/** The secret of the kind's field; the other kind's field is refused. */
function secretOf(body: PlatformCredentialBody, kind: ReturnType<typeof kindOf>): string | undefined {
  const other = kind.secret === 'password' ? 'private_key' : 'password';
  if (body[other] !== undefined) throw new InvalidInputError(other, `belongs to the other kind of credential`);
  return body[kind.secret];
}

/**
 * /application/repository-credentials/password/ (and ssh-private-key/): repository credentials.
 * Answers carry the type and the username, never the password or key, though the seed's
 * examples echo the password.
 */
@ApiTags('platform')
@ApiBearerAuth()
@ApiParam({ name: 'kind', enum: Object.keys(KINDS) })
@Controller('application/repository-credentials')
export class PlatformRepositoryCredentialsController {
  constructor(private readonly credentials: RepositoryCredentialsService) {}

  @Get(':kind')
  async list(@Param('kind') kind: string, @Query() q: PlatformCredentialQuery, @Req() req: Request) {
    const { type } = kindOf(kind);
    const [rows, total] = await this.credentials.list(
      { type, name: q.name, username: q.username },
      offsetOf(q),
      q.page_size,
    );
    return PlatformEnvelope.page(rows.map(toPlatformCredential), total, q.page, q.page_size, requestUrl(req));
  }

  @Post(':kind')
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('kind') kind: string,
    @Body() body: PlatformCredentialBody,
  ): Promise<PlatformCredential> {
    const k = kindOf(kind);
    if (body.id !== undefined) throw new InvalidInputError('id', 'is given by the service');
    const created = await this.credentials.create(actor, {
      name: body.name,
      type: k.type,
      username: body.username ?? '',
      secret: secretOf(body, k) ?? '',
    });
    return toPlatformCredential(created);
  }

  @Get(':kind/:id')
  async get(@Param('kind') kind: string, @Param('id', PlatformIdPipe) id: number): Promise<PlatformCredential> {
    return toPlatformCredential(await this.credentials.get(id, 'id', kindOf(kind).type));
  }

  /** The seed's PATCH has no id in its path: the body's `id` names the credential then. */
  @Patch(':kind')
  async updateByBody(
    @CurrentPrincipal() actor: Principal,
    @Param('kind') kind: string,
    @Body() body: PlatformCredentialBody,
  ): Promise<PlatformCredential> {
    if (body.id === undefined) throw new InvalidInputError('id', 'is required: which credential to change');
    return this.change(actor, kind, body.id, body);
  }

  @Patch(':kind/:id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('kind') kind: string,
    @Param('id', PlatformIdPipe) id: number,
    @Body() body: PlatformCredentialBody,
  ): Promise<PlatformCredential> {
    if (body.id !== undefined && body.id !== id) throw new InvalidInputError('id', 'differs from the id in the path');
    return this.change(actor, kind, id, body);
  }

  /** Refused (409) while a template or an application uses it. */
  @Delete(':kind/:id')
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('kind') kind: string,
    @Param('id', PlatformIdPipe) id: number,
  ) {
    await this.credentials.remove(actor, id, kindOf(kind).type);
    return PlatformEnvelope.success();
  }

  private async change(actor: Principal, kind: string, id: number, body: PlatformCredentialBody) {
    const k = kindOf(kind);
    const updated = await this.credentials.update(
      actor,
      id,
      { name: body.name, username: body.username, secret: secretOf(body, k) },
      k.type,
    );
    return toPlatformCredential(updated);
  }
}
