import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../common/auth/principal';
import { AppConfig } from '../config/app-config';
import { AuthService, JwtClaims } from './auth.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string or Buffer, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which cost more than the rest of authentication. passport-jwt
      // hands it to jsonwebtoken untouched; only its typings are narrower.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: JwtClaims): Promise<Principal> {
    return this.auth.principalForJwt(claims);
  }
}
