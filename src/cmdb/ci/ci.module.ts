// The CI engine: attributes, CI types and their relations, CIs with typed values, CI relations,
// history, preferences and heartbeats. Knows nothing of the inventory.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { AuditModule } from '../../audit/audit.module';
import { CiAttributesResolver } from './ci-attributes.resolver';
import { CiAttributesService } from './ci-attributes.service';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { CiGraphqlLoaders } from './ci-graphql-loaders';
import { CiHistoryResolver } from './ci-history.resolver';
import { CiHistoryService } from './ci-history.service';
import { CiPermissionsService } from './ci-permissions.service';
import { CiPreferencesService } from './ci-preferences.service';
import { CiQueriesService } from './ci-queries.service';
import { CiRelationsResolver } from './ci-relations.resolver';
import { CiRelationsService } from './ci-relations.service';
import { CiSearchService } from './ci-search.service';
import { CiTypeGroupsService } from './ci-type-groups.service';
import { CiTypeRelationsResolver } from './ci-type-relations.resolver';
import { CiTypeRelationsService } from './ci-type-relations.service';
import { CiTypesResolver } from './ci-types.resolver';
import { CiTypesService } from './ci-types.service';
import { CiValuesService } from './ci-values.service';
import { CisResolver } from './cis.resolver';
import { CisService } from './cis.service';

const EXPORTED = [
  CiAttributesService,
  CiTypesService,
  CiTypeGroupsService,
  CiTypeRelationsService,
  CisService,
  CiQueriesService,
  CiRelationsService,
  CiHistoryService,
  CiPreferencesService,
  CiCatalogService,
  CiPermissionsService,
  CiSearchService,
];

@Module({
  imports: [AclModule, AuditModule],
  providers: [
    ...EXPORTED,
    CiDbService,
    CiValuesService,
    CiGraphqlLoaders,
    CiAttributesResolver,
    CiTypesResolver,
    CiTypeRelationsResolver,
    CisResolver,
    CiRelationsResolver,
    CiHistoryResolver,
  ],
  exports: EXPORTED,
})
export class CiModule {}
