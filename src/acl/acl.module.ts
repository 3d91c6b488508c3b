// Who may do what: users, login and tokens, and the global guard that puts a
// principal on every request.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ApiTokensResolver } from './api-tokens.resolver';
import { AuthResolver } from './auth.resolver';
import { GrantsResolver } from './grants.resolver';
import { RolesResolver } from './roles.resolver';
import { UsersResolver } from './users.resolver';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { AclResourcesService } from './acl-resources.service';
import { AclService } from './acl.service';
import { ApiTokensService } from './api-tokens.service';
import { AclResourceGroup } from './entities/acl-resource-group.entity';
import { AclResourceType } from './entities/acl-resource-type.entity';
import { AclResource } from './entities/acl-resource.entity';
import { ApiToken } from './entities/api-token.entity';
import { Grant } from './entities/grant.entity';
import { PasswordReset } from './entities/password-reset.entity';
import { RevokedToken } from './entities/revoked-token.entity';
import { Role } from './entities/role.entity';
import { User } from './entities/user.entity';
import { GrantsService } from './grants.service';
import { JwtStrategy } from './jwt.strategy';
import { RolesService } from './roles.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      User,
      Role,
      Grant,
      ApiToken,
      RevokedToken,
      PasswordReset,
      AclResourceType,
      AclResource,
      AclResourceGroup,
    ]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
    AuditModule,
  ],
  controllers: [AuthController],
  providers: [
    AclService,
    UsersService,
    RolesService,
    GrantsService,
    ApiTokensService,
    AclResourcesService,
    AuthService,
    JwtStrategy,
    AuthResolver,
    UsersResolver,
    RolesResolver,
    GrantsResolver,
    ApiTokensResolver,
    BootstrapAdminService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AclService, UsersService, RolesService, GrantsService, ApiTokensService, AclResourcesService, AuthService],
})
export class AclModule {}
