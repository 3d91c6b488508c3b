import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, IsBoolean, IsInt, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { InvalidInputError } from '../../../common/errors/domain-errors';
import type { HookConfig, HookSlot, RepositoryType } from '../../../deploy/deploy-config';
import type { ConfigRequest } from '../../../deploy/deploy-config-writer';
import { CredentialType } from '../../../deploy/entities/repository-credential.entity';
import type { NewCredential } from '../../../deploy/repository-credentials.service';
import { NullableString } from '../../../common/validation/nullable-string';
import { PlatformPageQuery } from './platform-page.query';

const MAX_ID = 2147483647;

/** A field that may be null (unset) or absent (unchanged). */
const nullable = () => ValidateIf((_: unknown, v: unknown) => v !== undefined && v !== null);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_ID;
}

/** `1` or `{"id": 1}`: how the platform names a script, a credential or an application. */
export function idOf(value: unknown, field: string): number {
  const id = isRecord(value) ? value.id : value;
  if (!isId(id)) throw new InvalidInputError(field, 'must be an id or {"id": <id>}');
  if (isRecord(value)) {
    const extra = Object.keys(value).filter((k) => !['id', 'name'].includes(k));
    if (extra.length) throw new InvalidInputError(`${field}.${extra[0]}`, 'is not accepted here');
  }
  return id;
}

export class PlatformHookBody {
  @ApiPropertyOptional({ description: 'Else lifecycle_hooks.running_user' })
  @NullableString(32)
  running_user?: string | null;

  @ApiProperty({ description: 'The script: {"id": 1} or 1' })
  @Allow()
  script: unknown;
}

export class PlatformLifecycleHooksBody {
  @ApiPropertyOptional({ description: 'Default user of the hooks (the same as script_running_user)' })
  @NullableString(32)
  running_user?: string | null;

  @ApiPropertyOptional({ type: PlatformHookBody, nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformHookBody)
  global_pre_exec?: PlatformHookBody | null;

  @ApiPropertyOptional({ type: PlatformHookBody, nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformHookBody)
  pre_exec?: PlatformHookBody | null;

  @ApiPropertyOptional({ type: PlatformHookBody, nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformHookBody)
  post_exec?: PlatformHookBody | null;

  @ApiPropertyOptional({ type: PlatformHookBody, nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformHookBody)
  global_post_exec?: PlatformHookBody | null;

  @ApiPropertyOptional({ type: PlatformHookBody, nullable: true, description: "The seed examples' spelling" })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformHookBody)
  glboal_post_exec?: PlatformHookBody | null;
}

export class PlatformRepositoryBody {
  @ApiPropertyOptional({ enum: ['GIT', 'SVN', 'HTTP', 'FTP', 'PATH'] })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  url?: string;

  @ApiPropertyOptional({ nullable: true })
  @NullableString(255)
  branch?: string | null;

  @ApiPropertyOptional({
    description:
      'A credential id (or {"id": 1}), or a new one: {"type": "PASSWORD", "username", "password"} or ' +
      '{"type": "SSH_PRIVATE_KEY", "username", "private_key"}; null for none',
  })
  @Allow()
  credential?: unknown;
}

/** What an application's deploy settings and a template both take (seed 003). */
export class PlatformDeployConfigBody {
  @ApiPropertyOptional({ nullable: true })
  @nullable()
  @IsBoolean()
  enabled?: boolean | null;

  @ApiPropertyOptional({ type: PlatformRepositoryBody, nullable: true })
  @nullable()
  @ValidateNested()
  @Type(() => PlatformRepositoryBody)
  repository?: PlatformRepositoryBody | null;

  @ApiPropertyOptional({ nullable: true })
  @NullableString(1024)
  deploy_path?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Default user of the hooks' })
  @NullableString(32)
  script_running_user?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Seconds (120 when unset)' })
  @nullable()
  @IsInt()
  timeout?: number | null;

  @ApiPropertyOptional({ nullable: true, description: '5 when unset' })
  @nullable()
  @IsInt()
  keep_backups?: number | null;

  @ApiPropertyOptional({ type: PlatformLifecycleHooksBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlatformLifecycleHooksBody)
  lifecycle_hooks?: PlatformLifecycleHooksBody;
}

export class PlatformDeployTemplateBody extends PlatformDeployConfigBody {
  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Exactly the applications linked to the template: ids or {"id": 1}' })
  @Allow()
  applications?: unknown;
}

export class PlatformTemplateLinkBody {
  @ApiProperty({ description: 'The template id' })
  @IsInt()
  id: number;
}

function boolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** DELETE bodies do not always survive proxies: id and clean may also come in the query string. */
export class PlatformTemplateUnlink {
  @ApiPropertyOptional({ description: 'The linked template' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ default: false, description: 'Drop what the template gave instead of keeping a copy' })
  @IsOptional()
  @Transform(boolean)
  @IsBoolean()
  clean?: boolean;
}

export class PlatformDeployTemplateQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Part of the template name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Username of the creator' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;
}

export class PlatformDeployScriptQuery extends PlatformDeployTemplateQuery {
  @ApiPropertyOptional({ enum: ['bash', 'python'] })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string;

  @ApiPropertyOptional({ description: 'Part of the content' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  content?: string;
}

export class PlatformDeployScriptBody {
  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: the creator is who calls' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creator?: string;

  @ApiPropertyOptional({ enum: ['bash', 'python'], description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string;

  @ApiPropertyOptional({ description: 'A Jinja template; required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(65535)
  content?: string;

  @ApiPropertyOptional({ default: 'jinja' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  template_engine?: string;
}

export class PlatformCredentialQuery extends PlatformPageQuery {
  @ApiPropertyOptional({ description: 'Part of the credential name' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  username?: string;
}

/** A password credential takes `password`, an SSH key credential `private_key`. */
export class PlatformCredentialBody {
  @ApiPropertyOptional({ description: 'PATCH without an id in the path names the credential here' })
  @IsOptional()
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ description: 'Defaults to the username' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  name?: string;

  @ApiPropertyOptional({ description: 'Required on create' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  username?: string;

  @ApiPropertyOptional({ description: 'password/: required on create; never answered' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description: 'ssh-private-key/: unencrypted, OpenSSH or PEM; required on create; never answered',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  private_key?: string;
}

const HOOK_FIELDS: [HookSlot, keyof PlatformLifecycleHooksBody][] = [
  ['globalPreExec', 'global_pre_exec'],
  ['preExec', 'pre_exec'],
  ['postExec', 'post_exec'],
  ['globalPostExec', 'global_post_exec'],
];

/** An inline credential, or a reference to a stored one. */
function credentialOf(value: unknown): { credentialId?: number | null; newCredential?: NewCredential } {
  const field = 'repository.credential';
  if (value === undefined) return {};
  if (value === null) return { credentialId: null };
  if (!isRecord(value) || 'id' in value) return { credentialId: idOf(value, field) };
  const { type, username, password, private_key: privateKey, name, ...rest } = value;
  const extra = Object.keys(rest);
  if (extra.length) throw new InvalidInputError(`${field}.${extra[0]}`, 'is not accepted here');
  if (type !== CredentialType.PASSWORD && type !== CredentialType.SSH_PRIVATE_KEY) {
    throw new InvalidInputError(`${field}.type`, 'must be PASSWORD or SSH_PRIVATE_KEY');
  }
  const [secret, secretName, other] =
    type === CredentialType.PASSWORD ? [password, 'password', privateKey] : [privateKey, 'private_key', password];
  if (other !== undefined) throw new InvalidInputError(`${field}`, `a ${type} credential has only a ${secretName}`);
  for (const [k, v] of Object.entries({ username, [secretName]: secret, ...(name === undefined ? {} : { name }) })) {
    if (typeof v !== 'string') throw new InvalidInputError(`${field}.${k}`, 'must be a string');
  }
  return {
    newCredential: { type, username: username as string, secret: secret as string, name: name as string | undefined },
  };
}

/** A platform settings body as the service's request; running_user and script_running_user are one value. */
export function configRequestOf(body: PlatformDeployConfigBody): ConfigRequest {
  const request: ConfigRequest = {
    enabled: body.enabled,
    deployPath: body.deploy_path,
    timeout: body.timeout,
    keepBackups: body.keep_backups,
  };
  const hooks = body.lifecycle_hooks;
  if (
    hooks?.running_user !== undefined &&
    body.script_running_user !== undefined &&
    hooks.running_user !== body.script_running_user
  ) {
    throw new InvalidInputError('lifecycle_hooks.running_user', 'differs from script_running_user; send one of them');
  }
  request.scriptRunningUser = body.script_running_user !== undefined ? body.script_running_user : hooks?.running_user;
  if (body.repository === null) request.repository = null;
  else if (body.repository) {
    const r = body.repository;
    request.repository = {
      type: r.type as RepositoryType | undefined,
      url: r.url,
      branch: r.branch,
      ...credentialOf(r.credential),
    };
  }
  if (hooks) {
    if (hooks.glboal_post_exec !== undefined && hooks.global_post_exec !== undefined) {
      throw new InvalidInputError('lifecycle_hooks.glboal_post_exec', 'send global_post_exec only');
    }
    const given = { ...hooks, global_post_exec: hooks.global_post_exec ?? hooks.glboal_post_exec };
    const patch: Partial<Record<HookSlot, HookConfig | null>> = {};
    for (const [slot, name] of HOOK_FIELDS) {
      const hook = given[name] as PlatformHookBody | null | undefined;
      if (hook === undefined) continue;
      patch[slot] = hook && {
        scriptId: idOf(hook.script, `lifecycle_hooks.${name}.script`),
        runningUser: hook.running_user ?? null,
      };
    }
    request.hooks = patch;
  }
  return request;
}

/** `applications` of a template body: ids or `{id}` objects. */
export function applicationIdsOf(value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InvalidInputError('applications', 'must be a list of application ids');
  return value.map((v, i) => idOf(v, `applications[${i}]`));
}
