import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../common/auth/decorators';
import { AuthService } from './auth.service';
import { AuthToken, LoginInput } from './dto/login.dto';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthToken)
  async login(@Args('input') input: LoginInput, @Context('req') req: Request): Promise<AuthToken> {
    const { accessToken, tokenType, expiresIn } = await this.auth.login(input.username, input.password, req.ip);
    return { accessToken, tokenType, expiresIn };
  }
}
