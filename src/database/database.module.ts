// The one data source, SQLite (embedded default) or MySQL/MariaDB; migrations
// for its dialect run before the service accepts requests.
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { gateSqliteTransactions } from './sqlite-gate';
import { Transactions } from './transactions';

async function createDataSource(options?: DataSourceOptions): Promise<DataSource> {
  if (!options) throw new Error('no data source options');
  const dataSource = await new DataSource(options).initialize();
  if (options.type === 'better-sqlite3') gateSqliteTransactions(dataSource);
  return dataSource;
}

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [Transactions],
      exports: [Transactions],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.database),
            // API nodes own the schema; workers start on a migrated database.
            migrationsRun: config.serveHttp,
            migrationsTransactionMode: 'each' as const,
            retryAttempts: 3,
          }),
          dataSourceFactory: createDataSource,
        }),
      ],
    };
  }
}
