// The CI engine: attributes, CI types and their relations, CIs with typed values, CI relations,
// history, preferences and heartbeats. CmdbModule imports it and passes its services on.
import { Module } from '@nestjs/common';
import { AclModule } from '../../acl/acl.module';
import { AuditModule } from '../../audit/audit.module';
import { CiAttributesService } from './ci-attributes.service';
import { CiCatalogService } from './ci-catalog.service';
import { CiDbService } from './ci-db.service';
import { CiHistoryService } from './ci-history.service';
import { CiPermissionsService } from './ci-permissions.service';
import { CiPreferencesService } from './ci-preferences.service';
import { CiQueriesService } from './ci-queries.service';
import { CiRelationsService } from './ci-relations.service';
import { CiTypeGroupsService } from './ci-type-groups.service';
import { CiTypeRelationsService } from './ci-type-relations.service';
import { CiTypesService } from './ci-types.service';
import { CiValuesService } from './ci-values.service';
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
];

@Module({
  imports: [AclModule, AuditModule],
  providers: [...EXPORTED, CiDbService, CiValuesService],
  exports: EXPORTED,
})
export class CiModule {}
