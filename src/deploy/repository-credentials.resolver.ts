import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { RepositoryCredentialInput, RepositoryCredentialsArgs } from './dto/deploy.inputs';
import { RepositoryCredentialPage } from './dto/deploy.objects';
import { newCredentialOf, secretOf } from './dto/deploy-request';
import { InvalidInputError } from '../common/errors/domain-errors';
import { RepositoryCredential } from './entities/repository-credential.entity';
import { RepositoryCredentialsService } from './repository-credentials.service';

/** Repository credentials: their type and user, never their secret. */
@Resolver(() => RepositoryCredential)
export class RepositoryCredentialsResolver {
  constructor(private readonly credentials: RepositoryCredentialsService) {}

  @Query(() => RepositoryCredentialPage)
  async repositoryCredentials(@Args() args: RepositoryCredentialsArgs): Promise<RepositoryCredentialPage> {
    const { offset, limit, ...filter } = args;
    const [items, total] = await this.credentials.list(filter, offset, limit);
    return { items, total, offset, limit };
  }

  @Query(() => RepositoryCredential)
  repositoryCredential(@Args('id', { type: () => Int }) id: number): Promise<RepositoryCredential> {
    return this.credentials.get(id);
  }

  @Mutation(() => RepositoryCredential)
  createRepositoryCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('input') input: RepositoryCredentialInput,
  ): Promise<RepositoryCredential> {
    return this.credentials.create(actor, newCredentialOf(input));
  }

  @Mutation(() => RepositoryCredential, { description: 'The type stays; a new password or key replaces the old' })
  async updateRepositoryCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
    @Args('input') input: RepositoryCredentialInput,
  ): Promise<RepositoryCredential> {
    const current = await this.credentials.get(id);
    if (input.type !== undefined && input.type !== null && input.type !== current.type) {
      throw new InvalidInputError('type', 'a credential keeps its type: create another one');
    }
    const secret = secretOf(input, current.type);
    return this.credentials.update(actor, id, {
      name: input.name ?? undefined,
      username: input.username ?? undefined,
      secret,
    });
  }

  @Mutation(() => Boolean)
  async deleteRepositoryCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => Int }) id: number,
  ): Promise<boolean> {
    await this.credentials.remove(actor, id);
    return true;
  }
}
