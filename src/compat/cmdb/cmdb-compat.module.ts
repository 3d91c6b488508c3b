// The cmdb REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_CMDB); controllers translate its wire format to domain services.
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { CiModule } from '../../cmdb/ci/ci.module';
import { AccessTokenMiddleware } from './access-token.middleware';
import { CMDB_CONTROLLERS } from './cmdb-controllers';
import { MethodNotAllowedMiddleware } from './method-not-allowed.middleware';

@Module({
  imports: [AclModule, CiModule],
  controllers: CMDB_CONTROLLERS,
})
export class CmdbCompatModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessTokenMiddleware).forRoutes(...CMDB_CONTROLLERS);
    // A known path asked with another method is a 405, before any route (or 404) sees it.
    consumer.apply(MethodNotAllowedMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
