import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type * as x509 from '@peculiar/x509';
import type { webcrypto } from 'node:crypto';
import { SecretBox } from '../common/crypto/secret-box';
import { AppConfig } from '../config/app-config';
import { CaMaterial, CertificateFacts, createRootCa, issueCertificate } from './certificates';
import { CertificateAuthority } from './entities/certificate-authority.entity';

const CA_NAME = 'internal';
const CA_COMMON_NAME = 'Ops Platform Internal CA';
/** The root outlives every certificate it issues by far. */
const CA_DAYS = 3650;

/**
 * The service's own certificate authority. Its root is created on first use; the root's private
 * key is sealed with SecretBox at rest and never leaves this class.
 */
@Injectable()
export class InternalCaService {
  private readonly box: SecretBox;
  private readonly days: number;

  constructor(config: AppConfig) {
    this.box = new SecretBox(config.secretKey);
    this.days = config.certificateDays;
  }

  /** Issues a certificate for `names` (the first is its CN) over `publicKey`; the chain is the root. */
  async issueIn(
    em: EntityManager,
    publicKey: x509.PublicKey | webcrypto.CryptoKey,
    names: readonly string[],
  ): Promise<CertificateFacts & { chain: string }> {
    const ca = await this.materialIn(em);
    return { ...(await issueCertificate(ca, publicKey, names, this.days)), chain: ca.certificate };
  }

  /** The root and its key, creating them on first use; concurrent first uses keep one root. */
  private async materialIn(em: EntityManager): Promise<CaMaterial> {
    let row = await em.findOneBy(CertificateAuthority, { name: CA_NAME });
    if (!row) {
      const root = await createRootCa(CA_COMMON_NAME, CA_DAYS);
      await em
        .createQueryBuilder()
        .insert()
        .into(CertificateAuthority)
        .values({
          name: CA_NAME,
          certificate: root.certificate,
          sealedKey: this.box.seal(root.privateKey),
          notAfter: root.notAfter,
        })
        .orIgnore()
        .execute();
      row = await em.findOneByOrFail(CertificateAuthority, { name: CA_NAME });
    }
    return { certificate: row.certificate, privateKey: this.box.open(row.sealedKey) };
  }
}
