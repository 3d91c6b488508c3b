// Mounts each legacy REST family under its configured base path and renders
// every HTTP error in the envelope of the family it belongs to.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, RouterModule } from '@nestjs/core';
import { CompatPrefixes } from '../config/compat-prefixes';
import { CmdbCompatModule } from './cmdb/cmdb-compat.module';
import { CompatRegistry } from './compat-registry';
import { HermesCompatModule } from './hermes/hermes-compat.module';
import { HttpErrorFilter } from './http-error.filter';
import { OpsCompatModule } from './ops/ops-compat.module';
import { PlatformCompatModule } from './platform/platform-compat.module';
import { SophonCompatModule } from './sophon/sophon-compat.module';

@Module({})
export class CompatModule {
  static forRoot(prefixes: CompatPrefixes): DynamicModule {
    const families = [
      { path: prefixes.sophon, module: SophonCompatModule },
      { path: prefixes.ops, module: OpsCompatModule },
      { path: prefixes.hermes, module: HermesCompatModule },
      { path: prefixes.platform, module: PlatformCompatModule },
      { path: prefixes.cmdb, module: CmdbCompatModule },
    ];
    return {
      module: CompatModule,
      imports: [...families.map((f) => f.module), RouterModule.register(families)],
      providers: [
        { provide: CompatRegistry, useValue: new CompatRegistry(prefixes) },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
