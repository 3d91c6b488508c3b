// The one data source, SQLite (embedded default) or MySQL/MariaDB; migrations
// for its dialect run before the service accepts requests.
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database),
          // API nodes own the schema; workers start on a migrated database.
          migrationsRun: config.serveHttp,
          migrationsTransactionMode: 'each',
          retryAttempts: 3,
        }),
      ],
    };
  }
}
