import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { burnPasswordCheck, verifyPassword } from '../common/crypto/password-hasher';
import { TooManyRequestsError, UnauthenticatedError } from '../common/errors/domain-errors';
import { AppConfig } from '../config/app-config';
import { User, UserStatus } from './entities/user.entity';
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
}

const WRONG_CREDENTIALS = 'Wrong username or password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {
    this.throttle = new LoginThrottle(config.login.lockSeconds * 1000);
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

  /** The principal a valid token stands for; refuses users removed or disabled since. */
  async principalFor(claims: JwtClaims): Promise<Principal> {
    const user = await this.users.findById(claims.sub);
    if (!user) throw new UnauthenticatedError('The token names a user that no longer exists');
    if (user.status !== UserStatus.ENABLED) throw new UnauthenticatedError('User is disabled');
    return { userId: user.id, username: user.username, isAdmin: user.isAdmin, tokenId: claims.jti };
  }

  private async recordLogin(user: User | null, triedName: string, operation: string, detail: string | null) {
    await this.dataSource.transaction((em) =>
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
