import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The service's own CA, created on first use; its private key is sealed (SecretBox) and never leaves. */
@Entity('certificate_authorities')
export class CertificateAuthority {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  name: string;

  @Column({ type: 'text' })
  certificate: string;

  @Column({ type: 'text' })
  sealedKey: string;

  @Column({ type: 'datetime' })
  notAfter: Date;

  @CreateDateColumn()
  createdAt: Date;
}
