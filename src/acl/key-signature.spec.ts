import { sign, signatureBase, signatureMatches } from './key-signature';

// Worked examples of the original CMDB's documentation (made-up credentials).
const SECRET = 'Xy7~Q2!pL9#mZ4@w';

describe('CMDB key signature', () => {
  it('signs query parameters in name order, values only', () => {
    const params = { q: '_type:server,hostname:web*', count: '10', fl: 'hostname,private_ip', _key: '0f3c' };
    expect(signatureBase('/api/v0.1/ci/s', SECRET, params)).toBe(
      '/api/v0.1/ci/sXy7~Q2!pL9#mZ4@w10hostname,private_ip_type:server,hostname:web*',
    );
    expect(sign('/api/v0.1/ci/s', SECRET, params)).toBe('c0f45bafd74de007de2fea3f5d04d946a36393ed');
  });

  it('stringifies JSON numbers and signs a bare path', () => {
    const body = { cpu: 8, hostname: 'web-1b', _key: 'k', _secret: 'ignored' };
    expect(sign('/api/v0.1/ci/42', SECRET, body)).toBe('fb0165ebfac6c74058d2e723a3810b44c1c82afc');
    expect(sign('/api/v0.1/ci/42', SECRET, {})).toBe('b44713478dcea2cdf5579e2ea59f2f8f90188ea9');
  });

  it('orders names by code point and skips null, lists and objects', () => {
    expect(signatureBase('/p', 's', { a: 'x', Zone: 'Z', _type: 't', b: null, c: [1], d: { e: 1 }, f: true })).toBe(
      '/psZtxTrue',
    );
  });

  it('accepts the signature for any candidate path, and nothing malformed', () => {
    const good = sign('/api/v0.1/ci/42', SECRET, {});
    expect(signatureMatches(good, ['/cmdb/api/v0.1/ci/42', '/api/v0.1/ci/42'], SECRET, {})).toBe(true);
    expect(signatureMatches(good.toUpperCase(), ['/api/v0.1/ci/42'], SECRET, {})).toBe(true);
    expect(signatureMatches(good, ['/api/v0.1/ci/43'], SECRET, {})).toBe(false);
    expect(signatureMatches('not-hex', ['/api/v0.1/ci/42'], SECRET, {})).toBe(false);
  });
});
