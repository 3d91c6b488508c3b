import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum CredentialType {
  PASSWORD = 'PASSWORD',
  SSH_PRIVATE_KEY = 'SSH_PRIVATE_KEY',
}
registerEnumType(CredentialType, { name: 'RepositoryCredentialType' });

/** How a deploy logs in to a source repository. The secret is sealed and never leaves the service. */
@ObjectType()
@Entity('repository_credentials')
export class RepositoryCredential {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  @Field(() => CredentialType)
  @Column({ type: 'simple-enum', enum: CredentialType })
  type: CredentialType;

  @Field()
  @Column({ type: 'varchar', length: 128 })
  username: string;

  /** The password or private key, sealed (SecretBox): never part of a response. */
  @Column({ type: 'text' })
  sealedSecret: string;

  @Field(() => String, { nullable: true, name: 'creator' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  creatorName: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
