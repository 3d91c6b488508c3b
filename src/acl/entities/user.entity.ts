import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
