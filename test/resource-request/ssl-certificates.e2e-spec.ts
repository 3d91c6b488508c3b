import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPublicKey, webcrypto, X509Certificate } from 'node:crypto';
import { Writable } from 'node:stream';
import { createUser } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

interface Account {
  id: number;
  token: string;
}

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

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

/** A CA of the test's own and a certificate it signs: what an approver might deliver by hand. */
async function outsideCertificate(name: string): Promise<{ certificate: string; chain: string }> {
  const caKeys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Outside CA',
    keys: caKeys,
    signingAlgorithm: EC,
    notAfter: new Date(Date.now() + 86_400_000 * 30),
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    subject: `CN=${name}`,
    issuer: ca.subject,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: EC,
    notAfter: new Date(Date.now() + 86_400_000 * 20),
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: name }])],
  });
  return { certificate: leaf.toString('pem'), chain: ca.toString('pem') };
}

/** SSL certificate requests (seed 003) and the internal CA that fulfils them. */
describe('SSL certificate requests', () => {
  let t: TestApp;
  let admin: string;
  const who: Record<string, Account> = {};
  const lines: string[] = [];
  const base = '/platform/resource-request/ssl-certificates';
  const bearer = (a: Account | string) => ({ Authorization: `Bearer ${typeof a === 'string' ? a : a.token}` });
  const countRows = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const create = async (body: Record<string, unknown>) =>
    (await t.http.post(`${base}/`).set(bearer(who.alice)).send(body).expect(201)).body as { id: number };

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace' }, undefined, { logStream: stream });
    admin = await t.adminToken();
    for (const name of ['alice', 'bob']) {
      const user = await createUser(t, name, `${name}-password`);
      who[name] = { id: user.id, token: await t.login(name, `${name}-password`) };
    }
    const grant = (a: Account, permissions: Record<string, boolean>) =>
      t.http
        .post(`/platform/users/${a.id}/system/perms/`)
        .set(bearer(admin))
        .send({ module_name: 'resource_request', permissions })
        .expect(200);
    await grant(who.alice, { enable_resource_req: true, create_resource_req: true });
    // The spelling of the permission, read as the catalog's approve_ssl_cert_req.
    await grant(who.bob, { enable_resource_req: true, approve_ssl_req: true });
  });
  afterAll(() => t.close());

  it('issues from the internal CA for the CSR the requester sent; certificate and chain stay downloadable', async () => {
    const csr = await csrFor(['www.example.com']);
    const { id } = await create({
      domain: 'www.example.com',
      certificate_type: 'normal',
      expect_delivery_days: '7',
      purpose: 'shop front',
      csr,
    });
    const res = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(200);
    expect(res.body).toMatchObject({ message: 'success', certificate: expect.stringContaining('BEGIN CERTIFICATE') });
    expect(res.body.private_key).toBeUndefined();

    const got = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    expect(got.body).toMatchObject({
      status: 'finished',
      domain: 'www.example.com',
      certificate_type: 'normal',
      purpose: 'shop front',
      key_source: 'csr',
      serial_number: expect.stringMatching(/^[0-9a-f]+$/),
    });
    const notAfter = new Date(got.body.not_after).getTime();
    expect(notAfter - Date.now()).toBeGreaterThan(364 * 86_400_000);
    expect(notAfter - Date.now()).toBeLessThan(366 * 86_400_000);

    const download = await t.http.get(`${base}/${id}/certificate/`).set(bearer(who.alice)).expect(200);
    const cert = new X509Certificate(download.body.certificate);
    const root = new X509Certificate(download.body.chain);
    expect(cert.checkIssued(root)).toBe(true);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.subjectAltName).toBe('DNS:www.example.com');
    expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      Buffer.from(new x509.Pkcs10CertificateRequest(csr).publicKey.rawData),
    );
    expect(download.body.not_after).toBe(got.body.not_after);
  });

  it('generates the key when no CSR came and hands it out once; a wizard request gets *.domain', async () => {
    const { id } = await create({ domain: 'example.com', certificate_type: 'wizard' });
    const res = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(200);
    const key: string = res.body.private_key;
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const cert = new X509Certificate(res.body.certificate);
    expect(cert.subjectAltName).toBe('DNS:*.example.com');
    expect(createPublicKey(key).export({ type: 'spki', format: 'der' })).toEqual(
      cert.publicKey.export({ type: 'spki', format: 'der' }),
    );

    // Never again: not in any answer, not stored, not logged.
    const got = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    const download = await t.http.get(`${base}/${id}/certificate/`).set(bearer(who.alice)).expect(200);
    const gql = await t.graphql(
      `{ sslCertificateRequest(id: ${id}) { certificate chain keySource notAfter } }`,
      undefined,
      admin,
    );
    expect(gql.body.data.sslCertificateRequest).toMatchObject({ keySource: 'GENERATED' });
    const body = key.split('\n')[1];
    for (const text of [
      JSON.stringify(got.body),
      JSON.stringify(download.body),
      JSON.stringify(gql.body),
      lines.join(''),
    ]) {
      expect(text).not.toContain(body);
      expect(text).not.toContain('PRIVATE KEY');
    }
    const stored = JSON.stringify([
      await t.dataSource.query('SELECT * FROM ssl_certificate_requests'),
      await t.dataSource.query('SELECT * FROM certificate_authorities'),
    ]);
    expect(stored).not.toContain(body);
    expect(stored).not.toContain('PRIVATE KEY');
  });

  it('keeps one internal root across requests', async () => {
    const { id } = await create({
      domain: 'api.example.com',
      certificate_type: 'normal',
      csr: await csrFor(['api.example.com']),
    });
    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).expect(200);
    expect(await countRows('certificate_authorities')).toBe(1);
    const chains = new Set(
      (await t.dataSource.query('SELECT chain FROM ssl_certificate_requests WHERE chain IS NOT NULL')).map(
        (r: { chain: string }) => r.chain,
      ),
    );
    expect(chains.size).toBe(1);
  });

  it.each([
    [{ certificate_type: 'normal' }, 'domain'],
    [{ domain: 'example.com' }, 'certificate_type'],
    [{ domain: 'example.com', certificate_type: 'ev' }, 'certificate_type'],
    [{ domain: 'not a domain', certificate_type: 'normal' }, 'domain'],
    [{ domain: '*.example.com', certificate_type: 'normal' }, 'domain'],
    [{ domain: 'example.com', certificate_type: 'normal', csr: 'not a csr' }, 'csr'],
    [{ domain: 'example.com', certificate_type: 'normal', associate_app: [999999] }, 'associate_app[0].id'],
    [{ domain: 'example.com', certificate_type: 'normal', expect_delivery_days: 'soon' }, 'expect_delivery_days'],
  ])('refuses %j naming %s, writing nothing', async (body, field) => {
    const before = await countRows('ssl_certificate_requests');
    const res = await t.http.post(`${base}/`).set(bearer(who.alice)).send(body);
    expect([400, 404]).toContain(res.status);
    expect(`${res.body.field ?? ''} ${res.body.message}`).toContain(field);
    expect(await countRows('ssl_certificate_requests')).toBe(before);
  });

  it('refuses a CSR whose signature does not verify, or whose names the request does not cover', async () => {
    const good = await csrFor(['shop.example.com']);
    const der = Buffer.from(x509.PemConverter.decodeFirst(good));
    der[der.length - 4] ^= 0xff;
    const broken = x509.PemConverter.encode(der, 'CERTIFICATE REQUEST');
    const before = await countRows('ssl_certificate_requests');
    const bad = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send({ domain: 'shop.example.com', certificate_type: 'normal', csr: broken })
      .expect(400);
    expect(bad.body).toMatchObject({ field: 'csr', message: expect.stringContaining('signature') });
    const other = await t.http
      .post(`${base}/`)
      .set(bearer(who.alice))
      .send({
        domain: 'shop.example.com',
        certificate_type: 'normal',
        csr: await csrFor(['shop.example.com', 'evil.example.net']),
      })
      .expect(400);
    expect(other.body).toMatchObject({ field: 'csr', message: expect.stringContaining('evil.example.net') });
    expect(await countRows('ssl_certificate_requests')).toBe(before);
  });

  it('records a certificate the approver delivers, after checking it', async () => {
    const { id } = await create({ domain: 'example.org', certificate_type: 'normal' });
    const wrong = await outsideCertificate('example.net');
    const res = await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).send(wrong).expect(400);
    expect(res.body).toMatchObject({ field: 'certificate', message: expect.stringContaining('example.org') });
    const unsigned = await outsideCertificate('example.org');
    const stranger = await outsideCertificate('example.org');
    await t.http
      .post(`${base}/${id}/actions/approve/`)
      .set(bearer(who.bob))
      .send({ certificate: unsigned.certificate, chain: stranger.chain })
      .expect(400);
    expect((await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200)).body.status).toBe('wait_review');

    await t.http.post(`${base}/${id}/actions/approve/`).set(bearer(who.bob)).send(unsigned).expect(200);
    const got = await t.http.get(`${base}/${id}/`).set(bearer(who.alice)).expect(200);
    expect(got.body).toMatchObject({ status: 'finished', key_source: 'manual' });
    const download = await t.http.get(`${base}/${id}/certificate/`).set(bearer(who.alice)).expect(200);
    expect(download.body.certificate.trim()).toBe(unsigned.certificate.trim());
  });

  it('filters by domain and type and lists expiry dates', async () => {
    const list = await t.http.get(`${base}/?certificate_type=wizard`).set(bearer(who.bob)).expect(200);
    expect(list.body.results.map((r: { domain: string }) => r.domain)).toEqual(['example.com']);
    expect(list.body.results[0].not_after).toEqual(expect.any(String));
    const byDomain = await t.http.get(`${base}/?domain=www.example.com`).set(bearer(who.bob)).expect(200);
    expect(byDomain.body.count).toBe(1);
    await t.http.get(`${base}/?certificate_type=ev`).set(bearer(who.bob)).expect(400);
    await t.http.get(`${base}/999999/certificate/`).set(bearer(who.bob)).expect(404);
  });

  it('approves a batch, refusing the requests that would need a key handed out', async () => {
    const withCsr = await create({
      domain: 'b1.example.com',
      certificate_type: 'normal',
      csr: await csrFor(['b1.example.com']),
    });
    const without = await create({ domain: 'b2.example.com', certificate_type: 'normal' });
    const res = await t.graphql(
      'mutation($ids: [Int!]!) { approveResourceRequests(kind: SSL_CERTIFICATE, ids: $ids) { resourceId ok status error } }',
      { ids: [withCsr.id, without.id] },
      who.bob.token,
    );
    expect(res.body.data.approveResourceRequests).toEqual([
      { resourceId: String(withCsr.id), ok: true, status: 'finished', error: null },
      { resourceId: String(without.id), ok: false, status: null, error: expect.stringContaining('approve it alone') },
    ]);
    const gql = await t.graphql(
      `mutation { approveSslCertificateRequest(id: ${without.id}) { privateKey request { status keySource } } }`,
      undefined,
      who.bob.token,
    );
    expect(gql.body.data.approveSslCertificateRequest).toMatchObject({
      privateKey: expect.stringContaining('BEGIN PRIVATE KEY'),
      request: { status: 'FINISHED', keySource: 'GENERATED' },
    });
  });
});
