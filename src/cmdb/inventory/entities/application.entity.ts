import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Production } from './production.entity';

/**
 * An application: a node of a tree (`full_name` A.B.C spells its path), with
 * the applications it requires and how to run it on its instances' hosts.
 */
@ObjectType()
@Entity('applications')
export class Application {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Names from the root down, joined by dots; kept right when an ancestor is renamed or moved. */
  @Field()
  @Column({ type: 'varchar', length: 512, unique: true })
  fullName: string;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Application | null;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: 'int', nullable: true })
  productionId: number | null;

  @ManyToOne(() => Production, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'production_id' })
  production?: Production | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  applicationType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  runUser: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  directory: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  startupCommand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  stopCommand: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  stdoutPath: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  stderrPath: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1024, nullable: true })
  pidPath: string | null;

  /** Applications this one depends on (`required-by` is the reverse). */
  @ManyToMany(() => Application)
  @JoinTable({
    name: 'application_requirements',
    joinColumn: { name: 'application_id' },
    inverseJoinColumn: { name: 'required_id' },
  })
  requires?: Application[];

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
