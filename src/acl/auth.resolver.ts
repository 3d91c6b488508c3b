import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentPrincipal, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { AuthService } from './auth.service';
import { AuthToken, LoginInput } from './dto/login.dto';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthToken)
  async login(@Args('input') input: LoginInput, @Context('req') req: Request): Promise<AuthToken> {
    const { accessToken, tokenType, expiresIn } = await this.auth.login(input.username, input.password, req.ip);
    return { accessToken, tokenType, expiresIn };
  }

  @Query(() => User, { description: 'The authenticated user' })
  async me(@CurrentPrincipal() principal: Principal): Promise<User> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundError('user', principal.userId);
    return user;
  }
}
