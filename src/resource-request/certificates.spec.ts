import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import {
  CertificateType,
  certificateNames,
  checkDeliveredCertificate,
  checkDomain,
  checkNames,
  createRootCa,
  generateKeyPair,
  issueCertificate,
  parseCsr,
} from './certificates';

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

async function csrFor(names: string[]): Promise<string> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${names[0]}`,
    keys,
    signingAlgorithm: RSA,
    extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value })))],
  });
  return csr.toString('pem');
}

describe('certificates', () => {
  it('reads a wildcard request as *.domain and refuses a wildcard on a normal one', () => {
    expect(checkDomain('Example.COM', CertificateType.NORMAL)).toBe('example.com');
    expect(checkDomain('*.example.com', CertificateType.WIZARD)).toBe('example.com');
    expect(() => checkDomain('*.example.com', CertificateType.NORMAL)).toThrow(/domain: a wildcard/);
    expect(() => checkDomain('not a name', CertificateType.NORMAL)).toThrow(/domain: must be/);
    expect(certificateNames('example.com', CertificateType.WIZARD)).toEqual({
      primary: '*.example.com',
      allowed: ['*.example.com', 'example.com'],
    });
  });

  it('checks names against the request', () => {
    const expected = certificateNames('example.com', CertificateType.NORMAL);
    expect(() => checkNames(['example.com'], expected, 'csr')).not.toThrow();
    expect(() => checkNames(['example.com', 'evil.com'], expected, 'csr')).toThrow(/csr: names evil.com/);
    expect(() => checkNames([], expected, 'csr')).toThrow(/csr: must name example.com/);
  });

  it('verifies a CSR and reads its names; refuses garbage and a broken signature', async () => {
    const pem = await csrFor(['www.example.com', 'example.com']);
    const parsed = await parseCsr(pem);
    expect(parsed.names.sort()).toEqual(['example.com', 'www.example.com']);
    await expect(parseCsr('hello')).rejects.toThrow(/csr: must be a PEM certificate signing request/);
    const der = Buffer.from(x509.PemConverter.decodeFirst(pem));
    der[der.length - 3] ^= 0xff;
    await expect(parseCsr(x509.PemConverter.encode(der, 'CERTIFICATE REQUEST'))).rejects.toThrow(
      /csr: its signature does not verify/,
    );
  });

  it('issues from a root it created: the chain verifies and the names are the ones asked for', async () => {
    const ca = await createRootCa('Test CA', 3650);
    const key = await generateKeyPair();
    expect(key.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const issued = await issueCertificate(ca, key.publicKey, ['*.example.com'], 30);
    const cert = new x509.X509Certificate(issued.certificate);
    expect(
      await cert.verify({ publicKey: new x509.X509Certificate(ca.certificate).publicKey, signatureOnly: true }),
    ).toBe(true);
    const san = new x509.SubjectAlternativeNameExtension(cert.getExtension('2.5.29.17')!.rawData);
    expect(san.names.items.map((n) => n.value)).toEqual(['*.example.com']);
    expect(issued.notAfter.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(issued.notAfter.getTime() - Date.now()).toBeLessThan(31 * 86_400_000);
  });

  it('checks a delivered certificate: names, expiry, the CSR key and its chain', async () => {
    const ca = await createRootCa('Test CA', 3650);
    const other = await createRootCa('Other CA', 3650);
    const csr = await parseCsr(await csrFor(['example.com']));
    const issued = await issueCertificate(ca, csr.publicKey, ['example.com'], 30);
    const names = certificateNames('example.com', CertificateType.NORMAL);
    const ok = await checkDeliveredCertificate(
      { certificate: issued.certificate, chain: ca.certificate },
      names,
      csr.publicKey,
    );
    expect(ok.serialNumber).toBe(issued.serialNumber);
    expect(ok.chain).toContain('BEGIN CERTIFICATE');
    await expect(
      checkDeliveredCertificate({ certificate: issued.certificate, chain: other.certificate }, names, csr.publicKey),
    ).rejects.toThrow(/chain: its first certificate did not sign/);
    const stranger = await parseCsr(await csrFor(['example.com']));
    await expect(
      checkDeliveredCertificate({ certificate: issued.certificate }, names, stranger.publicKey),
    ).rejects.toThrow(/certificate: does not carry the key/);
    await expect(
      checkDeliveredCertificate(
        { certificate: issued.certificate },
        certificateNames('example.org', CertificateType.NORMAL),
        null,
      ),
    ).rejects.toThrow(/certificate: must name example.org/);
    await expect(
      checkDeliveredCertificate(
        { certificate: issued.certificate },
        names,
        null,
        new Date(Date.now() + 90 * 86_400_000),
      ),
    ).rejects.toThrow(/certificate: has expired/);
    await expect(checkDeliveredCertificate({ certificate: 'nope' }, names, null)).rejects.toThrow(
      /certificate: must be PEM/,
    );
  });
});
