import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { SocketAuthenticator } from '../common/auth/socket-authenticator';
import type { Principal } from '../common/auth/principal';
import { burnPasswordCheck, verifyPassword } from '../common/crypto/password-hasher';
import { SecretBox } from '../common/crypto/secret-box';
import { sha256Hex } from '../common/crypto/sha256';
import { TooManyRequestsError, UnauthenticatedError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { AclService } from './acl.service';
import { ApiToken } from './entities/api-token.entity';
import { RevokedToken } from './entities/revoked-token.entity';
import { User, UserStatus } from './entities/user.entity';
import { signatureMatches } from './key-signature';
import { LoginThrottle } from './login-throttle';
import { UsersService } from './users.service';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

/** What a JWT of this service carries. */
export interface JwtClaims {
  sub: number;
  username: string;
  jti: string;
  exp?: number;
}

const WRONG_CREDENTIALS = 'Wrong username or password';

/** Turns credentials (password, JWT, API token, CMDB key signature) into a principal. */
@Injectable()
export class AuthService implements SocketAuthenticator {
  private readonly logger = new Logger(AuthService.name);
  private readonly throttle: LoginThrottle;
  private readonly box: SecretBox;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly acl: AclService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    @InjectRepository(ApiToken) private readonly apiTokens: Repository<ApiToken>,
  ) {
    this.throttle = new LoginThrottle(config.login.lockSeconds * 1000);
    this.box = new SecretBox(config.secretKey);
  }

  /**
   * Checks a username and password and issues a JWT. Failures are audited and
   * counted per username and per client IP; past the limits the caller gets 429.
   */
  async login(username: string, password: string, clientIp = 'unknown'): Promise<IssuedToken> {
    const userKey = `user:${username.toLowerCase()}`;
    const ipKey = `ip:${clientIp}`;
    const { maxFailuresPerUser, maxFailuresPerIp } = this.config.login;
    const wait = Math.max(
      this.throttle.retryAfter(userKey, maxFailuresPerUser),
      this.throttle.retryAfter(ipKey, maxFailuresPerIp),
    );
    if (wait > 0) {
      this.logger.warn({ username, clientIp }, 'login refused: too many failed attempts');
      throw new TooManyRequestsError(`Too many failed logins; try again in ${wait} s`, wait);
    }

    const user = await this.users.findByUsername(username);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
    if (!user || !ok) {
      this.throttle.fail(userKey);
      this.throttle.fail(ipKey);
      await this.recordLogin(user, username, 'login_failed', 'wrong username or password');
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    if (user.status !== UserStatus.ENABLED) {
      await this.recordLogin(user, username, 'login_failed', 'user is disabled');
      throw new UnauthenticatedError('User is disabled');
    }
    this.throttle.reset(userKey);
    await this.recordLogin(user, username, 'login', null);
    return { ...this.issue(user), user };
  }

  issue(user: User): Omit<IssuedToken, 'user'> {
    const claims: JwtClaims = { sub: user.id, username: user.username, jti: randomUUID() };
    return {
      accessToken: this.jwt.sign(claims, { expiresIn: this.config.jwt.ttlSeconds }),
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.ttlSeconds,
    };
  }

  /** The principal a valid JWT stands for; refuses logged-out tokens and users removed or disabled since. */
  async principalForJwt(claims: JwtClaims): Promise<Principal> {
    const { user: found, revoked, roleIds } = await this.acl.loadUser(claims.sub, claims.jti);
    if (revoked) throw new UnauthenticatedError('The access token has been logged out');
    const user = await this.enabledUser(found);
    const expiresAt = new Date((claims.exp ?? 0) * 1000);
    return this.acl.principalOf(user, { id: claims.jti, expiresAt }, roleIds);
  }

  /**
   * The principal an `Authorization` value stands for (`Bearer <jwt>` or `Token <api token>`), for
   * transports without an HTTP request per call: GraphQL subscriptions over a websocket.
   */
  async principalForAuthorization(authorization: string | undefined): Promise<Principal> {
    const value = authorization?.trim() ?? '';
    const token = /^Token\s+(\S+)$/i.exec(value);
    if (token) return this.principalForApiToken(token[1]);
    const bearer = /^Bearer\s+(\S+)$/i.exec(value);
    if (!bearer) throw new UnauthenticatedError('Authentication required: send Authorization: Bearer <access_token>');
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(bearer[1], { algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired');
    }
    return this.principalForJwt(claims);
  }

  /** `Authorization: Token <value>`: the token's owner. */
  async principalForApiToken(value: string): Promise<Principal> {
    const token = /^[0-9a-f]{40}$/i.test(value)
      ? await this.apiTokens.findOneBy({ valueHash: sha256Hex(value.toLowerCase()) })
      : null;
    if (!token) throw new UnauthenticatedError('The API token is invalid');
    const user = await this.enabledUser(await this.users.findById(token.userId));
    await this.apiTokens.update(token.id, { lastUsedAt: new Date() });
    return this.acl.principalOf(user);
  }

  /** CMDB key signature: `_key` names the user, `_secret` signs the request with the user's secret. */
  async principalForKeySignature(
    key: string,
    signature: string,
    paths: readonly string[],
    params: Record<string, unknown>,
  ): Promise<Principal> {
    const user = await this.users.findByApiKey(key);
    const secret = user?.apiSecret ? this.box.open(user.apiSecret) : undefined;
    if (!user || !secret || !signatureMatches(signature, paths, secret, params)) {
      throw new UnauthenticatedError('The API key signature is invalid');
    }
    return this.acl.principalOf(await this.enabledUser(user));
  }

  /** Revokes the JWT the principal came with until it would have expired; prunes expired entries. */
  async logout(principal: Principal): Promise<void> {
    if (!principal.tokenId) return; // API tokens and key signatures have no session to end
    const { tokenId, tokenExpiresAt } = principal;
    await this.tx.run(async (em) => {
      await em.delete(RevokedToken, { expiresAt: LessThan(new Date()) });
      // A concurrent logout of the same token already did the work.
      await em
        .createQueryBuilder()
        .insert()
        .into(RevokedToken)
        .values({ tokenId, expiresAt: tokenExpiresAt ?? new Date() })
        .orIgnore()
        .execute();
      await this.audit.record(em, {
        operator: principal,
        module: 'acl',
        targetType: 'user',
        targetId: principal.userId,
        targetName: principal.username,
        operation: 'logout',
      });
    });
  }

  private async enabledUser<T extends Pick<User, 'status'>>(user: T | null): Promise<T> {
    if (!user) throw new UnauthenticatedError('The credentials name a user that no longer exists');
    if (user.status !== UserStatus.ENABLED) throw new UnauthenticatedError('User is disabled');
    return user;
  }

  private async recordLogin(user: User | null, triedName: string, operation: string, detail: string | null) {
    await this.tx.run((em) =>
      this.audit.record(em, {
        operator: user ? { userId: user.id, username: user.username } : null,
        operatorName: triedName.slice(0, 64),
        module: 'acl',
        targetType: 'user',
        targetId: user?.id ?? null,
        targetName: triedName.slice(0, 255),
        operation,
        detail,
      }),
    );
  }
}
