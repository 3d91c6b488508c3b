import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1795395842991 implements MigrationInterface {
  name = 'Inventory1795395842991';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "productions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "description" text, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_8d40d2183c7d993a0bc02f52ee9" UNIQUE ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "full_name" varchar(512) NOT NULL, "parent_id" integer, "production_id" integer, "application_type" varchar(64), "run_user" varchar(64), "directory" varchar(1024), "startup_command" text, "stop_command" text, "stdout_path" varchar(1024), "stderr_path" varchar(1024), "pid_path" varchar(1024), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_e7f95b336302544444fc4c55855" UNIQUE ("full_name"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cb8325d8f2ab48f55b1514aa57" ON "applications" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3caba10db5973c09773c8438b" ON "applications" ("production_id") `);
    await queryRunner.query(
      `CREATE TABLE "hosts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(255) NOT NULL, "host_type" varchar CHECK( "host_type" IN ('ALI_ECS','PHY_HOST','TECENT_CVM','TECENT_CPM','CLOUDSTACK','CLOUDSTACK_OFFICE','OTHER') ) NOT NULL DEFAULT ('OTHER'), "status" varchar CHECK( "status" IN ('attached','inited','raw','offline') ) NOT NULL DEFAULT ('raw'), "os_status" varchar CHECK( "os_status" IN ('stopped','running','restarting') ), "os_type" varchar(128), "cpu" integer, "memory" integer, "location" varchar(255), "description" text, "usage" varchar(255), "is_initialized" boolean NOT NULL DEFAULT (0), "ssh_address" varchar(255), "ssh_port" integer NOT NULL DEFAULT (22), "ssh_user" varchar(64), "ssh_secret" text, "ssh_secret_kind" varchar(16), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_d6d891591add4f442af21db7fb5" UNIQUE ("name"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6fc876c8f74340e2cf7d52ea66" ON "hosts" ("host_type") `);
    await queryRunner.query(
      `CREATE TABLE "application_instances" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "host_id" integer NOT NULL, "status" varchar CHECK( "status" IN ('restarting','running','stopped','updating','reverting') ) NOT NULL DEFAULT ('stopped'), "version" varchar(128), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cdede711bc48abd6a72047cb06" ON "application_instances" ("host_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f3d2c1bb462f248a606d00928" ON "application_instances" ("application_id", "host_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "host_polls" ("host_id" integer PRIMARY KEY NOT NULL, "reachable" boolean NOT NULL DEFAULT (0), "load1" float, "memory_used" float, "disk_used" float, "polled_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE TABLE "ip_addresses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "address" varchar(45) NOT NULL, "netmask" varchar(45), "network" varchar(64), "is_virtual" boolean NOT NULL DEFAULT (0), "addr_type" varchar CHECK( "addr_type" IN ('PRIVATE','PUBLIC') ) NOT NULL DEFAULT ('PRIVATE'), "owner" varchar CHECK( "owner" IN ('HOST','LB') ) NOT NULL DEFAULT ('HOST'))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2e49111a25896a0ac4973a13ab" ON "ip_addresses" ("address") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cdadb7753befd1d63d68d8559c" ON "ip_addresses" ("host_id", "address") `,
    );
    await queryRunner.query(
      `CREATE TABLE "response_persons" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "user_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('dev','ops','qa','pm') ) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7542592c4e920a0e671d45c0ee" ON "response_persons" ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c234fadf7ea2b535ef41730c57" ON "response_persons" ("application_id", "user_id", "type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_requirements" ("application_id" integer NOT NULL, "required_id" integer NOT NULL, PRIMARY KEY ("application_id", "required_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cb7e50d73e16e1ca142e06f791" ON "application_requirements" ("application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_83969ef5eb7e769e16a18db9d3" ON "application_requirements" ("required_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cb8325d8f2ab48f55b1514aa57"`);
    await queryRunner.query(`DROP INDEX "IDX_f3caba10db5973c09773c8438b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_applications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "full_name" varchar(512) NOT NULL, "parent_id" integer, "production_id" integer, "application_type" varchar(64), "run_user" varchar(64), "directory" varchar(1024), "startup_command" text, "stop_command" text, "stdout_path" varchar(1024), "stderr_path" varchar(1024), "pid_path" varchar(1024), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_e7f95b336302544444fc4c55855" UNIQUE ("full_name"), CONSTRAINT "FK_cb8325d8f2ab48f55b1514aa577" FOREIGN KEY ("parent_id") REFERENCES "applications" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f3caba10db5973c09773c8438bf" FOREIGN KEY ("production_id") REFERENCES "productions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_applications"("id", "name", "full_name", "parent_id", "production_id", "application_type", "run_user", "directory", "startup_command", "stop_command", "stdout_path", "stderr_path", "pid_path", "created_at", "updated_at") SELECT "id", "name", "full_name", "parent_id", "production_id", "application_type", "run_user", "directory", "startup_command", "stop_command", "stdout_path", "stderr_path", "pid_path", "created_at", "updated_at" FROM "applications"`,
    );
    await queryRunner.query(`DROP TABLE "applications"`);
    await queryRunner.query(`ALTER TABLE "temporary_applications" RENAME TO "applications"`);
    await queryRunner.query(`CREATE INDEX "IDX_cb8325d8f2ab48f55b1514aa57" ON "applications" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3caba10db5973c09773c8438b" ON "applications" ("production_id") `);
    await queryRunner.query(`DROP INDEX "IDX_cdede711bc48abd6a72047cb06"`);
    await queryRunner.query(`DROP INDEX "IDX_1f3d2c1bb462f248a606d00928"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_application_instances" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "host_id" integer NOT NULL, "status" varchar CHECK( "status" IN ('restarting','running','stopped','updating','reverting') ) NOT NULL DEFAULT ('stopped'), "version" varchar(128), "created_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_ab29a7c59585384137c7b6081c0" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cdede711bc48abd6a72047cb062" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_application_instances"("id", "application_id", "host_id", "status", "version", "created_at") SELECT "id", "application_id", "host_id", "status", "version", "created_at" FROM "application_instances"`,
    );
    await queryRunner.query(`DROP TABLE "application_instances"`);
    await queryRunner.query(`ALTER TABLE "temporary_application_instances" RENAME TO "application_instances"`);
    await queryRunner.query(`CREATE INDEX "IDX_cdede711bc48abd6a72047cb06" ON "application_instances" ("host_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f3d2c1bb462f248a606d00928" ON "application_instances" ("application_id", "host_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_host_polls" ("host_id" integer PRIMARY KEY NOT NULL, "reachable" boolean NOT NULL DEFAULT (0), "load1" float, "memory_used" float, "disk_used" float, "polled_at" datetime, CONSTRAINT "FK_efe045e741fbc45cbb72f7f3a59" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_host_polls"("host_id", "reachable", "load1", "memory_used", "disk_used", "polled_at") SELECT "host_id", "reachable", "load1", "memory_used", "disk_used", "polled_at" FROM "host_polls"`,
    );
    await queryRunner.query(`DROP TABLE "host_polls"`);
    await queryRunner.query(`ALTER TABLE "temporary_host_polls" RENAME TO "host_polls"`);
    await queryRunner.query(`DROP INDEX "IDX_2e49111a25896a0ac4973a13ab"`);
    await queryRunner.query(`DROP INDEX "IDX_cdadb7753befd1d63d68d8559c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_ip_addresses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "address" varchar(45) NOT NULL, "netmask" varchar(45), "network" varchar(64), "is_virtual" boolean NOT NULL DEFAULT (0), "addr_type" varchar CHECK( "addr_type" IN ('PRIVATE','PUBLIC') ) NOT NULL DEFAULT ('PRIVATE'), "owner" varchar CHECK( "owner" IN ('HOST','LB') ) NOT NULL DEFAULT ('HOST'), CONSTRAINT "FK_e0ba5cdf0150c96c46f707212b7" FOREIGN KEY ("host_id") REFERENCES "hosts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_ip_addresses"("id", "host_id", "address", "netmask", "network", "is_virtual", "addr_type", "owner") SELECT "id", "host_id", "address", "netmask", "network", "is_virtual", "addr_type", "owner" FROM "ip_addresses"`,
    );
    await queryRunner.query(`DROP TABLE "ip_addresses"`);
    await queryRunner.query(`ALTER TABLE "temporary_ip_addresses" RENAME TO "ip_addresses"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e49111a25896a0ac4973a13ab" ON "ip_addresses" ("address") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cdadb7753befd1d63d68d8559c" ON "ip_addresses" ("host_id", "address") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7542592c4e920a0e671d45c0ee"`);
    await queryRunner.query(`DROP INDEX "IDX_c234fadf7ea2b535ef41730c57"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_response_persons" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "user_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('dev','ops','qa','pm') ) NOT NULL, CONSTRAINT "FK_a443fe0ae68a8b98984d9383225" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7542592c4e920a0e671d45c0ee5" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_response_persons"("id", "application_id", "user_id", "type") SELECT "id", "application_id", "user_id", "type" FROM "response_persons"`,
    );
    await queryRunner.query(`DROP TABLE "response_persons"`);
    await queryRunner.query(`ALTER TABLE "temporary_response_persons" RENAME TO "response_persons"`);
    await queryRunner.query(`CREATE INDEX "IDX_7542592c4e920a0e671d45c0ee" ON "response_persons" ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c234fadf7ea2b535ef41730c57" ON "response_persons" ("application_id", "user_id", "type") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cb7e50d73e16e1ca142e06f791"`);
    await queryRunner.query(`DROP INDEX "IDX_83969ef5eb7e769e16a18db9d3"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_application_requirements" ("application_id" integer NOT NULL, "required_id" integer NOT NULL, CONSTRAINT "FK_cb7e50d73e16e1ca142e06f7913" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_83969ef5eb7e769e16a18db9d39" FOREIGN KEY ("required_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("application_id", "required_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_application_requirements"("application_id", "required_id") SELECT "application_id", "required_id" FROM "application_requirements"`,
    );
    await queryRunner.query(`DROP TABLE "application_requirements"`);
    await queryRunner.query(`ALTER TABLE "temporary_application_requirements" RENAME TO "application_requirements"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cb7e50d73e16e1ca142e06f791" ON "application_requirements" ("application_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_83969ef5eb7e769e16a18db9d3" ON "application_requirements" ("required_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_83969ef5eb7e769e16a18db9d3"`);
    await queryRunner.query(`DROP INDEX "IDX_cb7e50d73e16e1ca142e06f791"`);
    await queryRunner.query(`ALTER TABLE "application_requirements" RENAME TO "temporary_application_requirements"`);
    await queryRunner.query(
      `CREATE TABLE "application_requirements" ("application_id" integer NOT NULL, "required_id" integer NOT NULL, PRIMARY KEY ("application_id", "required_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "application_requirements"("application_id", "required_id") SELECT "application_id", "required_id" FROM "temporary_application_requirements"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_application_requirements"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_83969ef5eb7e769e16a18db9d3" ON "application_requirements" ("required_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cb7e50d73e16e1ca142e06f791" ON "application_requirements" ("application_id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c234fadf7ea2b535ef41730c57"`);
    await queryRunner.query(`DROP INDEX "IDX_7542592c4e920a0e671d45c0ee"`);
    await queryRunner.query(`ALTER TABLE "response_persons" RENAME TO "temporary_response_persons"`);
    await queryRunner.query(
      `CREATE TABLE "response_persons" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "user_id" integer NOT NULL, "type" varchar CHECK( "type" IN ('dev','ops','qa','pm') ) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "response_persons"("id", "application_id", "user_id", "type") SELECT "id", "application_id", "user_id", "type" FROM "temporary_response_persons"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_response_persons"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c234fadf7ea2b535ef41730c57" ON "response_persons" ("application_id", "user_id", "type") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7542592c4e920a0e671d45c0ee" ON "response_persons" ("user_id") `);
    await queryRunner.query(`DROP INDEX "IDX_cdadb7753befd1d63d68d8559c"`);
    await queryRunner.query(`DROP INDEX "IDX_2e49111a25896a0ac4973a13ab"`);
    await queryRunner.query(`ALTER TABLE "ip_addresses" RENAME TO "temporary_ip_addresses"`);
    await queryRunner.query(
      `CREATE TABLE "ip_addresses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "host_id" integer NOT NULL, "address" varchar(45) NOT NULL, "netmask" varchar(45), "network" varchar(64), "is_virtual" boolean NOT NULL DEFAULT (0), "addr_type" varchar CHECK( "addr_type" IN ('PRIVATE','PUBLIC') ) NOT NULL DEFAULT ('PRIVATE'), "owner" varchar CHECK( "owner" IN ('HOST','LB') ) NOT NULL DEFAULT ('HOST'))`,
    );
    await queryRunner.query(
      `INSERT INTO "ip_addresses"("id", "host_id", "address", "netmask", "network", "is_virtual", "addr_type", "owner") SELECT "id", "host_id", "address", "netmask", "network", "is_virtual", "addr_type", "owner" FROM "temporary_ip_addresses"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_ip_addresses"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cdadb7753befd1d63d68d8559c" ON "ip_addresses" ("host_id", "address") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2e49111a25896a0ac4973a13ab" ON "ip_addresses" ("address") `);
    await queryRunner.query(`ALTER TABLE "host_polls" RENAME TO "temporary_host_polls"`);
    await queryRunner.query(
      `CREATE TABLE "host_polls" ("host_id" integer PRIMARY KEY NOT NULL, "reachable" boolean NOT NULL DEFAULT (0), "load1" float, "memory_used" float, "disk_used" float, "polled_at" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "host_polls"("host_id", "reachable", "load1", "memory_used", "disk_used", "polled_at") SELECT "host_id", "reachable", "load1", "memory_used", "disk_used", "polled_at" FROM "temporary_host_polls"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_host_polls"`);
    await queryRunner.query(`DROP INDEX "IDX_1f3d2c1bb462f248a606d00928"`);
    await queryRunner.query(`DROP INDEX "IDX_cdede711bc48abd6a72047cb06"`);
    await queryRunner.query(`ALTER TABLE "application_instances" RENAME TO "temporary_application_instances"`);
    await queryRunner.query(
      `CREATE TABLE "application_instances" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "application_id" integer NOT NULL, "host_id" integer NOT NULL, "status" varchar CHECK( "status" IN ('restarting','running','stopped','updating','reverting') ) NOT NULL DEFAULT ('stopped'), "version" varchar(128), "created_at" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "application_instances"("id", "application_id", "host_id", "status", "version", "created_at") SELECT "id", "application_id", "host_id", "status", "version", "created_at" FROM "temporary_application_instances"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_application_instances"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f3d2c1bb462f248a606d00928" ON "application_instances" ("application_id", "host_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cdede711bc48abd6a72047cb06" ON "application_instances" ("host_id") `);
    await queryRunner.query(`DROP INDEX "IDX_f3caba10db5973c09773c8438b"`);
    await queryRunner.query(`DROP INDEX "IDX_cb8325d8f2ab48f55b1514aa57"`);
    await queryRunner.query(`ALTER TABLE "applications" RENAME TO "temporary_applications"`);
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(128) NOT NULL, "full_name" varchar(512) NOT NULL, "parent_id" integer, "production_id" integer, "application_type" varchar(64), "run_user" varchar(64), "directory" varchar(1024), "startup_command" text, "stop_command" text, "stdout_path" varchar(1024), "stderr_path" varchar(1024), "pid_path" varchar(1024), "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_e7f95b336302544444fc4c55855" UNIQUE ("full_name"))`,
    );
    await queryRunner.query(
      `INSERT INTO "applications"("id", "name", "full_name", "parent_id", "production_id", "application_type", "run_user", "directory", "startup_command", "stop_command", "stdout_path", "stderr_path", "pid_path", "created_at", "updated_at") SELECT "id", "name", "full_name", "parent_id", "production_id", "application_type", "run_user", "directory", "startup_command", "stop_command", "stdout_path", "stderr_path", "pid_path", "created_at", "updated_at" FROM "temporary_applications"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_applications"`);
    await queryRunner.query(`CREATE INDEX "IDX_f3caba10db5973c09773c8438b" ON "applications" ("production_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cb8325d8f2ab48f55b1514aa57" ON "applications" ("parent_id") `);
    await queryRunner.query(`DROP INDEX "IDX_83969ef5eb7e769e16a18db9d3"`);
    await queryRunner.query(`DROP INDEX "IDX_cb7e50d73e16e1ca142e06f791"`);
    await queryRunner.query(`DROP TABLE "application_requirements"`);
    await queryRunner.query(`DROP INDEX "IDX_c234fadf7ea2b535ef41730c57"`);
    await queryRunner.query(`DROP INDEX "IDX_7542592c4e920a0e671d45c0ee"`);
    await queryRunner.query(`DROP TABLE "response_persons"`);
    await queryRunner.query(`DROP INDEX "IDX_cdadb7753befd1d63d68d8559c"`);
    await queryRunner.query(`DROP INDEX "IDX_2e49111a25896a0ac4973a13ab"`);
    await queryRunner.query(`DROP TABLE "ip_addresses"`);
    await queryRunner.query(`DROP TABLE "host_polls"`);
    await queryRunner.query(`DROP INDEX "IDX_1f3d2c1bb462f248a606d00928"`);
    await queryRunner.query(`DROP INDEX "IDX_cdede711bc48abd6a72047cb06"`);
    await queryRunner.query(`DROP TABLE "application_instances"`);
    await queryRunner.query(`DROP INDEX "IDX_6fc876c8f74340e2cf7d52ea66"`);
    await queryRunner.query(`DROP TABLE "hosts"`);
    await queryRunner.query(`DROP INDEX "IDX_f3caba10db5973c09773c8438b"`);
    await queryRunner.query(`DROP INDEX "IDX_cb8325d8f2ab48f55b1514aa57"`);
    await queryRunner.query(`DROP TABLE "applications"`);
    await queryRunner.query(`DROP TABLE "productions"`);
  }
}
