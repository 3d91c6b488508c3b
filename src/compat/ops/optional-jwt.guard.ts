import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * For public routes that still want to know who calls: a valid, unrevoked JWT puts its principal
 * on the request; a missing, expired or revoked one leaves it empty instead of refusing.
 */
@Injectable()
export class OptionalJwtGuard extends AuthGuard('jwt') {
  override handleRequest<T>(err: unknown, user: T | false): T | undefined {
    return err || !user ? undefined : user;
  }
}
