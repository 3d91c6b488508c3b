import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext, requestLoader } from '../common/graphql/request-loader';
import { DeployRepository } from './dto/deploy.objects';
import { RepositoryCredential } from './entities/repository-credential.entity';
import { RepositoryCredentialsService } from './repository-credentials.service';

/** A repository's credential, batched over every repository of a response. */
@Resolver(() => DeployRepository)
export class DeployRepositoryResolver {
  constructor(private readonly credentials: RepositoryCredentialsService) {}

  @ResolveField(() => RepositoryCredential, { nullable: true })
  credential(repo: DeployRepository, _args: unknown, ctx: GraphqlContext): Promise<RepositoryCredential | null> | null {
    if (repo.credentialId === null) return null;
    return requestLoader<number, RepositoryCredential | null>(ctx, 'deploy.credential', async (ids) => {
      const byId = await this.credentials.byIds(ids);
      return ids.map((id) => byId.get(id) ?? null);
    }).load(repo.credentialId);
  }
}
