import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CdnProvider } from '../cdn-refresh-input';

/** Where a CDN provider's API is and how to sign in: set by an administrator; the secret is sealed. */
@ObjectType()
@Entity('cdn_provider_settings')
export class CdnProviderSetting {
  @Field(() => CdnProvider)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  provider: CdnProvider;

  @Field({ description: "Base URL of the provider's API" })
  @Column({ type: 'varchar', length: 2048 })
  endpoint: string;

  @Field({ description: 'AccessKeyId, SecretId or account name: who signs, not the secret' })
  @Column({ type: 'varchar', length: 255 })
  accessKeyId: string;

  /** SecretBox-sealed; dropped when the endpoint changes without a new one. Never in a response. */
  @Column({ type: 'text', nullable: true })
  sealedSecret: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  updatedBy: string | null;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn()
  updatedAt: Date;
}
