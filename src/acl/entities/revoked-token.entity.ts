import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** JWTs logged out before they expire; rows are pruned once the token would have expired anyway. */
@Entity('revoked_tokens')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenId: string;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt: Date;
}
