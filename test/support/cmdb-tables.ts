import type { Dialect } from '../../src/cmdb/search/search-sql';

/**
 * The CMDB tables (attributes, types, CIs, values, relations) as the CMDB
 * engine's entities define them, per dialect: for checking compiled search SQL
 * against the real schema shape, and for seeding the search benchmark. Indexes
 * are separate so a bulk load can add them afterwards.
 */
export function cmdbTables(dialect: Dialect): { tables: string[]; indexes: string[] } {
  const mysql = dialect === 'mysql';
  const id = mysql ? 'id int NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'id integer PRIMARY KEY AUTOINCREMENT NOT NULL';
  const bool = (name: string) => `${name} boolean NOT NULL DEFAULT 0`;
  const stamp = (name: string) =>
    mysql
      ? `${name} datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)`
      : `${name} datetime NOT NULL DEFAULT (datetime('now'))`;
  const tables: string[] = [];
  const indexes: string[] = [];
  const index = (table: string, name: string, cols: string, unique = false) =>
    indexes.push(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${table} (${cols})`);
  const values = (suffix: string, column: string, search: string | null) => {
    const table = `ci_values_${suffix}`;
    tables.push(`CREATE TABLE ${table} (${id}, ci_id int NOT NULL, attr_id int NOT NULL, ${column})`);
    index(table, `idx_${table}_ci_attr`, 'ci_id, attr_id');
    if (search) index(table, `idx_${table}_search`, search);
  };
  const flags = ['is_list', 'is_unique', 'is_index', 'is_link', 'is_password', 'is_sortable', 'deleted'];

  tables.push(
    `CREATE TABLE ci_attributes (${id}, name varchar(64) NOT NULL, alias varchar(64) NOT NULL, value_type varchar(8) NOT NULL, ${flags
      .map(bool)
      .join(', ')}, deleted_at datetime NULL, ${stamp('created_at')}, ${stamp('updated_at')})`,
    `CREATE TABLE ci_attribute_choices (${id}, attr_id int NOT NULL, value varchar(255) NOT NULL, position int NOT NULL DEFAULT 0)`,
    `CREATE TABLE ci_types (${id}, name varchar(64) NOT NULL, alias varchar(64) NOT NULL, unique_id int NOT NULL, ${bool('enabled')}, ${bool('is_attached')}, icon_url varchar(255) NULL, position int NOT NULL DEFAULT 0, ${bool('deleted')}, deleted_at datetime NULL, ${stamp('created_at')}, ${stamp('updated_at')})`,
    `CREATE TABLE ci_type_attributes (${id}, type_id int NOT NULL, attr_id int NOT NULL, position int NOT NULL DEFAULT 0, ${bool('is_required')}, ${bool('default_show')})`,
    `CREATE TABLE cis (${id}, type_id int NOT NULL, status varchar(8) NULL, heartbeat datetime NULL, ${stamp('created_at')}, ${stamp('updated_at')})`,
  );
  index('ci_type_attributes', 'uq_ci_type_attributes', 'type_id, attr_id', true);
  index('cis', 'idx_cis_type', 'type_id');
  index('cis', 'idx_cis_type_id', 'type_id, id');
  values('int', 'value bigint NOT NULL', 'attr_id, value, ci_id');
  values('float', 'value double NOT NULL', 'attr_id, value, ci_id');
  values('text', 'value text NOT NULL, value_key varchar(191) NOT NULL', 'attr_id, value_key, ci_id');
  values('datetime', 'value datetime NOT NULL', 'attr_id, value, ci_id');
  values('json', 'value text NOT NULL', null);
  tables.push(
    `CREATE TABLE ci_relation_types (${id}, name varchar(32) NOT NULL, ${stamp('created_at')}, ${stamp('updated_at')})`,
    `CREATE TABLE ci_type_relations (${id}, parent_id int NOT NULL, child_id int NOT NULL, relation_type_id int NOT NULL)`,
    `CREATE TABLE ci_relations (${id}, first_ci_id int NOT NULL, second_ci_id int NOT NULL, relation_type_id int NOT NULL, more int NULL, ${stamp('created_at')})`,
  );
  index('ci_relation_types', 'uq_ci_relation_types_name', 'name', true);
  index('ci_type_relations', 'uq_ci_type_relations', 'parent_id, child_id', true);
  index('ci_relations', 'uq_ci_relations', 'first_ci_id, second_ci_id', true);
  index('ci_relations', 'idx_ci_relations_second', 'second_ci_id');
  return { tables, indexes };
}
