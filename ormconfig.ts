// Data source for the TypeORM CLI (migration:generate / migration:run), for the
// dialect DATABASE_URL names. The service itself runs migrations at start-up.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from './src/config/app-config';
import { dataSourceOptions } from './src/database/data-source-options';

export default new DataSource(dataSourceOptions(loadDatabaseConfig(process.env)));
