// @peculiar/x509 resolves its parts through tsyringe, which needs the metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';
import { InvalidInputError } from '../common/errors/domain-errors';
import { normalizeName } from './dns-names';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** ECDSA P-256 with SHA-256: the internal CA's key, and the keys the service generates for requesters. */
const EC: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 86_400_000;
/** Largest PEM text accepted for a CSR or a delivered certificate with its chain. */
const MAX_PEM = 32_768;
const SAN_OID = '2.5.29.17';

export enum CertificateType {
  /** The seed's name for a wildcard certificate: it covers `*.domain`. */
  WIZARD = 'wizard',
  NORMAL = 'normal',
}

/** Which names a certificate for the request may carry: `primary` it must, `allowed` it may. */
export interface CertificateNames {
  primary: string;
  allowed: string[];
}

/** The CA's certificate and its private key (PKCS#8 PEM; sealed before it is stored). */
export interface CaMaterial {
  certificate: string;
  privateKey: string;
}

export interface CertificateFacts {
  certificate: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

/** The names a request's domain and type call for: `*.example.com` (and the apex) for wizard. */
export function certificateNames(domain: string, type: CertificateType): CertificateNames {
  if (type === CertificateType.WIZARD) return { primary: `*.${domain}`, allowed: [`*.${domain}`, domain] };
  return { primary: domain, allowed: [domain] };
}

/** A certificate request's domain, lower-cased; `*.example.com` is read as example.com of a wildcard request. */
export function checkDomain(domain: string, type: CertificateType, field = 'domain'): string {
  const wildcard = typeof domain === 'string' && domain.trim().startsWith('*.');
  if (wildcard && type !== CertificateType.WIZARD) {
    throw new InvalidInputError(field, 'a wildcard name needs certificate_type wizard');
  }
  const name = typeof domain === 'string' ? normalizeName(wildcard ? domain.trim().slice(2) : domain) : null;
  if (name === null) throw new InvalidInputError(field, 'must be a fully qualified domain name such as example.com');
  return name;
}

function pemSized(pem: string, field: string): string {
  if (typeof pem !== 'string' || pem.length > MAX_PEM) {
    throw new InvalidInputError(field, `must be PEM text of at most ${MAX_PEM} characters`);
  }
  return pem.trim();
}

/** DNS names of a subject: its CN and its subjectAltName entries; anything but DNS names is refused. */
function namesOf(subject: x509.Name, extensions: readonly x509.Extension[], field: string): string[] {
  const names = subject.getField('CN').map((n) => n.toLowerCase());
  const san = extensions.find((e) => e.type === SAN_OID);
  if (san) {
    for (const n of new x509.SubjectAlternativeNameExtension(san.rawData).names.items) {
      if (n.type !== 'dns') throw new InvalidInputError(field, `may name DNS names only, not ${n.type} ${n.value}`);
      names.push(n.value.toLowerCase());
    }
  }
  return [...new Set(names)];
}

/** Parses a PEM CSR and verifies its signature (proof the requester holds the key); answers its key and names. */
export async function parseCsr(
  pem: string,
  field = 'csr',
): Promise<{ csr: string; publicKey: x509.PublicKey; names: string[] }> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pemSized(pem, field));
  } catch {
    throw new InvalidInputError(field, 'must be a PEM certificate signing request (BEGIN CERTIFICATE REQUEST)');
  }
  let valid = false;
  try {
    valid = await csr.verify();
  } catch {
    valid = false;
  }
  if (!valid) throw new InvalidInputError(field, 'its signature does not verify');
  return { csr: csr.toString('pem'), publicKey: csr.publicKey, names: namesOf(csr.subjectName, csr.extensions, field) };
}

/** Each name must be one the request allows, and the request's primary name must be among them. */
export function checkNames(names: readonly string[], expected: CertificateNames, field: string): void {
  const extra = names.filter((n) => !expected.allowed.includes(n));
  if (extra.length > 0)
    throw new InvalidInputError(field, `names ${extra.join(', ')}, which the request does not cover`);
  if (!names.includes(expected.primary)) throw new InvalidInputError(field, `must name ${expected.primary}`);
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive
  return bytes.toString('hex');
}

async function exportPrivateKey(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A new self-signed root for the internal CA. */
export async function createRootCa(
  commonName: string,
  days: number,
  now = new Date(),
): Promise<CaMaterial & { notAfter: Date }> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: new x509.Name([{ CN: [commonName] }]),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY_MS),
    keys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    certificate: cert.toString('pem'),
    privateKey: await exportPrivateKey(keys.privateKey),
    notAfter: cert.notAfter,
  };
}

/** A server certificate for `names` (the first is its CN), signed by the CA. */
export async function issueCertificate(
  ca: CaMaterial,
  publicKey: x509.PublicKey | CryptoKey,
  names: readonly string[],
  days: number,
  now = new Date(),
): Promise<CertificateFacts> {
  const caCert = new x509.X509Certificate(ca.certificate);
  const signingKey = await webcrypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(ca.privateKey),
    EC,
    false,
    ['sign'],
  );
  const notAfter = new Date(Math.min(now.getTime() + days * DAY_MS, caCert.notAfter.getTime()));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: new x509.Name([{ CN: [names[0]] }]),
    issuer: caCert.subjectName,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    publicKey,
    signingKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
    ],
  });
  return facts(cert);
}

/** A fresh key pair for a requester who sent no CSR: the private key as PKCS#8 PEM, handed out once. */
export async function generateKeyPair(): Promise<{ publicKey: CryptoKey; privateKey: string }> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { publicKey: keys.publicKey, privateKey: await exportPrivateKey(keys.privateKey) };
}

function facts(cert: x509.X509Certificate): CertificateFacts {
  return {
    certificate: cert.toString('pem'),
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

function parseCertificates(pem: string, field: string): x509.X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new InvalidInputError(field, 'must be PEM certificates (BEGIN CERTIFICATE)');
  return blocks.map((b, i) => {
    try {
      return new x509.X509Certificate(b);
    } catch {
      throw new InvalidInputError(field, `certificate ${i + 1} cannot be read`);
    }
  });
}

/**
 * A certificate someone obtained elsewhere and delivers by hand (its chain after it, or in
 * `chain`): it must be valid now, cover the request's names, be signed by the next certificate of
 * its chain when one is given, and carry the CSR's key when the requester sent one.
 */
export async function checkDeliveredCertificate(
  input: { certificate: string; chain?: string | null },
  expected: CertificateNames,
  csrKey: x509.PublicKey | null,
  now = new Date(),
): Promise<CertificateFacts & { chain: string | null }> {
  const [leaf, ...rest] = parseCertificates(pemSized(input.certificate, 'certificate'), 'certificate');
  const chain = [...rest, ...(input.chain ? parseCertificates(pemSized(input.chain, 'chain'), 'chain') : [])];
  if (leaf.notAfter.getTime() <= now.getTime()) throw new InvalidInputError('certificate', 'has expired');
  if (leaf.notBefore.getTime() > now.getTime() + 60_000) throw new InvalidInputError('certificate', 'is not valid yet');
  const names = namesOf(leaf.subjectName, leaf.extensions, 'certificate');
  if (!names.includes(expected.primary)) throw new InvalidInputError('certificate', `must name ${expected.primary}`);
  if (csrKey && !Buffer.from(leaf.publicKey.rawData).equals(Buffer.from(csrKey.rawData))) {
    throw new InvalidInputError('certificate', "does not carry the key of the request's CSR");
  }
  if (chain.length > 0) {
    let signed = false;
    try {
      signed = await leaf.verify({ publicKey: chain[0].publicKey, signatureOnly: true });
    } catch {
      signed = false;
    }
    if (!signed) throw new InvalidInputError('chain', 'its first certificate did not sign the certificate');
  }
  return { ...facts(leaf), chain: chain.length ? chain.map((c) => c.toString('pem')).join('\n') : null };
}
