import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from './role.entity';

export enum UserStatus {
  ENABLED = 'enabled',
  DISABLED = 'disabled',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType()
@Entity('users')
export class User {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 128, nullable: true })
  department: string | null;

  /** Sophon's user type: 0 developer, 1 operator (may register users). */
  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  type: number;

  @Field(() => String, { nullable: true, description: 'SSH public key' })
  @Column({ type: 'text', nullable: true })
  publicKey: string | null;

  /** CMDB API key (public half of the key/secret pair). */
  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  apiKey: string | null;

  /** CMDB API secret, sealed with SecretBox; never part of a response but the one that issues it. */
  @Column({ type: 'text', nullable: true })
  apiSecret: string | null;

  /** scrypt hash; never part of any response (no @Field, mapped out of REST bodies). */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => UserStatus)
  @Column({ type: 'simple-enum', enum: UserStatus, default: UserStatus.ENABLED })
  status: UserStatus;

  /** Allowed everything; the bootstrap admin has it. */
  @Field()
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  @ManyToMany(() => Role, (role) => role.users)
  @JoinTable({ name: 'user_roles', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'role_id' } })
  roles?: Role[];

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
