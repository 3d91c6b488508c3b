import { MigrationInterface, QueryRunner } from 'typeorm';

export class CiEngine1795973105665 implements MigrationInterface {
  name = 'CiEngine1795973105665';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`ci_attribute_choices\` (\`id\` int NOT NULL AUTO_INCREMENT, \`attr_id\` int NOT NULL, \`value\` varchar(255) NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`IDX_abd39caac978ad7db44bf3488f\` (\`attr_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_attribute_histories\` (\`id\` int NOT NULL AUTO_INCREMENT, \`record_id\` int NOT NULL, \`ci_id\` int NOT NULL, \`attr_id\` int NULL, \`operate_type\` varchar(8) NOT NULL, \`old\` text NULL, \`new\` text NULL, INDEX \`IDX_0ce642618a172c864a6725b5f7\` (\`ci_id\`, \`id\`), INDEX \`IDX_3f98e5c6fa8cfd3dde7fa4272a\` (\`record_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_attributes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`alias\` varchar(64) NOT NULL, \`value_type\` varchar(8) NOT NULL, \`is_list\` tinyint NOT NULL DEFAULT 0, \`is_unique\` tinyint NOT NULL DEFAULT 0, \`is_index\` tinyint NOT NULL DEFAULT 0, \`is_link\` tinyint NOT NULL DEFAULT 0, \`is_password\` tinyint NOT NULL DEFAULT 0, \`is_sortable\` tinyint NOT NULL DEFAULT 0, \`deleted\` tinyint NOT NULL DEFAULT 0, \`deleted_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_47d3f8c0ebb43af760711e50ab\` (\`alias\`), INDEX \`IDX_3b891333854f8ef0310e8c5566\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_history_records\` (\`id\` int NOT NULL AUTO_INCREMENT, \`operator_id\` int NULL, \`operator_name\` varchar(64) NULL, \`origin\` varchar(64) NULL, \`ticket_id\` varchar(64) NULL, \`reason\` varchar(255) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_01d5d5bd0bcd1300a12244971e\` (\`operator_name\`), INDEX \`IDX_bd2f3b6d08171ca19cfee1e60a\` (\`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_preference_attributes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`type_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`IDX_17d6930cb3485d717e142932c1\` (\`attr_id\`), UNIQUE INDEX \`IDX_83ed7f9f229730838a47ebf2f9\` (\`user_id\`, \`type_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_preference_tree_views\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`type_id\` int NOT NULL, \`levels\` text NOT NULL, UNIQUE INDEX \`IDX_a174905b3ae2d0b488a3893df4\` (\`user_id\`, \`type_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_relation_histories\` (\`id\` int NOT NULL AUTO_INCREMENT, \`record_id\` int NOT NULL, \`relation_id\` int NOT NULL, \`first_ci_id\` int NOT NULL, \`second_ci_id\` int NOT NULL, \`relation_type_id\` int NOT NULL, \`operate_type\` varchar(8) NOT NULL, INDEX \`IDX_7275efbcba437424d9b43ecc79\` (\`second_ci_id\`), INDEX \`IDX_86a2468e3ee7069d9d427abe9b\` (\`first_ci_id\`), INDEX \`IDX_8fe6494b389196ca2c972679b7\` (\`record_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_relation_types\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(32) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_7b35580d97a5d4e244e2032663\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_relation_views\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`cr_ids\` text NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_51d326696437ef1192947c0e65\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_relations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`first_ci_id\` int NOT NULL, \`second_ci_id\` int NOT NULL, \`relation_type_id\` int NOT NULL, \`more\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_8f6e761479c74fadf8df72b57a\` (\`second_ci_id\`), UNIQUE INDEX \`IDX_52f3f32330584fff56f04df97a\` (\`first_ci_id\`, \`second_ci_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_attribute_group_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`group_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`IDX_66c078503f4d45ea8360debd46\` (\`attr_id\`), UNIQUE INDEX \`IDX_3224b5795244fb292ebd61659c\` (\`group_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_attribute_groups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type_id\` int NOT NULL, \`name\` varchar(64) NOT NULL, \`position\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_d526dd732f1c9d3595760da8c6\` (\`type_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_attributes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', \`is_required\` tinyint NOT NULL DEFAULT 0, \`default_show\` tinyint NOT NULL DEFAULT 1, INDEX \`IDX_906fca4731cdcf50edf320d0c8\` (\`attr_id\`), UNIQUE INDEX \`IDX_0144b807fd6713caa528f6318b\` (\`type_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_group_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`group_id\` int NOT NULL, \`type_id\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`IDX_89b1fed02f417fb094b6bfc661\` (\`type_id\`), UNIQUE INDEX \`IDX_d16a7ec438d413986553d405a9\` (\`group_id\`, \`type_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_groups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`position\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_91ed984c50302b1d2cf637f26f\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_type_relations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parent_id\` int NOT NULL, \`child_id\` int NOT NULL, \`relation_type_id\` int NOT NULL, INDEX \`IDX_03c7c4335e9936a29140b0a0c9\` (\`child_id\`), UNIQUE INDEX \`IDX_2aedecda40980ea007cc134d58\` (\`parent_id\`, \`child_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_types\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`alias\` varchar(64) NOT NULL, \`unique_id\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`is_attached\` tinyint NOT NULL DEFAULT 0, \`icon_url\` varchar(255) NULL, \`position\` int NOT NULL DEFAULT '0', \`deleted\` tinyint NOT NULL DEFAULT 0, \`deleted_at\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_550dfb4165a36091374f5d5741\` (\`alias\`), INDEX \`IDX_78ed7c6aa987e204a7a488e1b2\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_values_datetime\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ci_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`value\` datetime NOT NULL, INDEX \`IDX_f0d1f634dcd7c8b08797641f90\` (\`attr_id\`, \`value\`, \`ci_id\`), INDEX \`IDX_b99149466f29c6fff760355171\` (\`ci_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_values_float\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ci_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`value\` double NOT NULL, INDEX \`IDX_1c50f94d823f33ba66e80b4d62\` (\`attr_id\`, \`value\`, \`ci_id\`), INDEX \`IDX_48ecaef716597a8d98edf078fd\` (\`ci_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_values_int\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ci_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`value\` bigint NOT NULL, INDEX \`IDX_e4d197e49a6ccb4f967333623a\` (\`attr_id\`, \`value\`, \`ci_id\`), INDEX \`IDX_2d55c586c751be43b764cb0aea\` (\`ci_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_values_json\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ci_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`value\` text NOT NULL, INDEX \`IDX_2c65990f63936eb6fc617de13d\` (\`ci_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ci_values_text\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ci_id\` int NOT NULL, \`attr_id\` int NOT NULL, \`value\` text NOT NULL, \`value_key\` varchar(191) NOT NULL, INDEX \`IDX_a6266883dc7c27806b7fe41f39\` (\`attr_id\`, \`value_key\`, \`ci_id\`), INDEX \`IDX_f7cc68e3d2b84cd2de34f78539\` (\`ci_id\`, \`attr_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cis\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type_id\` int NOT NULL, \`status\` varchar(8) NULL, \`heartbeat\` datetime NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_dbec3dd0879a36b14e1f1fa274\` (\`type_id\`, \`id\`), INDEX \`IDX_757607504905a3f0da19f25cdd\` (\`type_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_757607504905a3f0da19f25cdd\` ON \`cis\``);
    await queryRunner.query(`DROP INDEX \`IDX_dbec3dd0879a36b14e1f1fa274\` ON \`cis\``);
    await queryRunner.query(`DROP TABLE \`cis\``);
    await queryRunner.query(`DROP INDEX \`IDX_f7cc68e3d2b84cd2de34f78539\` ON \`ci_values_text\``);
    await queryRunner.query(`DROP INDEX \`IDX_a6266883dc7c27806b7fe41f39\` ON \`ci_values_text\``);
    await queryRunner.query(`DROP TABLE \`ci_values_text\``);
    await queryRunner.query(`DROP INDEX \`IDX_2c65990f63936eb6fc617de13d\` ON \`ci_values_json\``);
    await queryRunner.query(`DROP TABLE \`ci_values_json\``);
    await queryRunner.query(`DROP INDEX \`IDX_2d55c586c751be43b764cb0aea\` ON \`ci_values_int\``);
    await queryRunner.query(`DROP INDEX \`IDX_e4d197e49a6ccb4f967333623a\` ON \`ci_values_int\``);
    await queryRunner.query(`DROP TABLE \`ci_values_int\``);
    await queryRunner.query(`DROP INDEX \`IDX_48ecaef716597a8d98edf078fd\` ON \`ci_values_float\``);
    await queryRunner.query(`DROP INDEX \`IDX_1c50f94d823f33ba66e80b4d62\` ON \`ci_values_float\``);
    await queryRunner.query(`DROP TABLE \`ci_values_float\``);
    await queryRunner.query(`DROP INDEX \`IDX_b99149466f29c6fff760355171\` ON \`ci_values_datetime\``);
    await queryRunner.query(`DROP INDEX \`IDX_f0d1f634dcd7c8b08797641f90\` ON \`ci_values_datetime\``);
    await queryRunner.query(`DROP TABLE \`ci_values_datetime\``);
    await queryRunner.query(`DROP INDEX \`IDX_78ed7c6aa987e204a7a488e1b2\` ON \`ci_types\``);
    await queryRunner.query(`DROP INDEX \`IDX_550dfb4165a36091374f5d5741\` ON \`ci_types\``);
    await queryRunner.query(`DROP TABLE \`ci_types\``);
    await queryRunner.query(`DROP INDEX \`IDX_2aedecda40980ea007cc134d58\` ON \`ci_type_relations\``);
    await queryRunner.query(`DROP INDEX \`IDX_03c7c4335e9936a29140b0a0c9\` ON \`ci_type_relations\``);
    await queryRunner.query(`DROP TABLE \`ci_type_relations\``);
    await queryRunner.query(`DROP INDEX \`IDX_91ed984c50302b1d2cf637f26f\` ON \`ci_type_groups\``);
    await queryRunner.query(`DROP TABLE \`ci_type_groups\``);
    await queryRunner.query(`DROP INDEX \`IDX_d16a7ec438d413986553d405a9\` ON \`ci_type_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_89b1fed02f417fb094b6bfc661\` ON \`ci_type_group_items\``);
    await queryRunner.query(`DROP TABLE \`ci_type_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_0144b807fd6713caa528f6318b\` ON \`ci_type_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_906fca4731cdcf50edf320d0c8\` ON \`ci_type_attributes\``);
    await queryRunner.query(`DROP TABLE \`ci_type_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_d526dd732f1c9d3595760da8c6\` ON \`ci_type_attribute_groups\``);
    await queryRunner.query(`DROP TABLE \`ci_type_attribute_groups\``);
    await queryRunner.query(`DROP INDEX \`IDX_3224b5795244fb292ebd61659c\` ON \`ci_type_attribute_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_66c078503f4d45ea8360debd46\` ON \`ci_type_attribute_group_items\``);
    await queryRunner.query(`DROP TABLE \`ci_type_attribute_group_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_52f3f32330584fff56f04df97a\` ON \`ci_relations\``);
    await queryRunner.query(`DROP INDEX \`IDX_8f6e761479c74fadf8df72b57a\` ON \`ci_relations\``);
    await queryRunner.query(`DROP TABLE \`ci_relations\``);
    await queryRunner.query(`DROP INDEX \`IDX_51d326696437ef1192947c0e65\` ON \`ci_relation_views\``);
    await queryRunner.query(`DROP TABLE \`ci_relation_views\``);
    await queryRunner.query(`DROP INDEX \`IDX_7b35580d97a5d4e244e2032663\` ON \`ci_relation_types\``);
    await queryRunner.query(`DROP TABLE \`ci_relation_types\``);
    await queryRunner.query(`DROP INDEX \`IDX_8fe6494b389196ca2c972679b7\` ON \`ci_relation_histories\``);
    await queryRunner.query(`DROP INDEX \`IDX_86a2468e3ee7069d9d427abe9b\` ON \`ci_relation_histories\``);
    await queryRunner.query(`DROP INDEX \`IDX_7275efbcba437424d9b43ecc79\` ON \`ci_relation_histories\``);
    await queryRunner.query(`DROP TABLE \`ci_relation_histories\``);
    await queryRunner.query(`DROP INDEX \`IDX_a174905b3ae2d0b488a3893df4\` ON \`ci_preference_tree_views\``);
    await queryRunner.query(`DROP TABLE \`ci_preference_tree_views\``);
    await queryRunner.query(`DROP INDEX \`IDX_83ed7f9f229730838a47ebf2f9\` ON \`ci_preference_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_17d6930cb3485d717e142932c1\` ON \`ci_preference_attributes\``);
    await queryRunner.query(`DROP TABLE \`ci_preference_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_bd2f3b6d08171ca19cfee1e60a\` ON \`ci_history_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_01d5d5bd0bcd1300a12244971e\` ON \`ci_history_records\``);
    await queryRunner.query(`DROP TABLE \`ci_history_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_3b891333854f8ef0310e8c5566\` ON \`ci_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_47d3f8c0ebb43af760711e50ab\` ON \`ci_attributes\``);
    await queryRunner.query(`DROP TABLE \`ci_attributes\``);
    await queryRunner.query(`DROP INDEX \`IDX_3f98e5c6fa8cfd3dde7fa4272a\` ON \`ci_attribute_histories\``);
    await queryRunner.query(`DROP INDEX \`IDX_0ce642618a172c864a6725b5f7\` ON \`ci_attribute_histories\``);
    await queryRunner.query(`DROP TABLE \`ci_attribute_histories\``);
    await queryRunner.query(`DROP INDEX \`IDX_abd39caac978ad7db44bf3488f\` ON \`ci_attribute_choices\``);
    await queryRunner.query(`DROP TABLE \`ci_attribute_choices\``);
  }
}
