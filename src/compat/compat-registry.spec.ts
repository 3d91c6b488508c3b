import { CompatRegistry } from './compat-registry';

const defaults = { sophon: '/sophon', ops: '/ops', hermes: '/hermes', platform: '/platform', cmdb: '/cmdb' };

describe('CompatRegistry', () => {
  it('finds the family by its base path, segment by segment', () => {
    const r = new CompatRegistry(defaults);
    expect(r.envelopeFor('/ops/api/machine')?.family).toBe('ops');
    expect(r.envelopeFor('/cmdb')?.family).toBe('cmdb');
    expect(r.envelopeFor('/opsx/api')).toBeUndefined();
    expect(r.envelopeFor('/graphql')).toBeUndefined();
  });

  it('gives a root-mounted family every path but the service’s own', () => {
    const r = new CompatRegistry({ ...defaults, hermes: '' });
    expect(r.envelopeFor('/api/v1/events')?.family).toBe('hermes');
    expect(r.envelopeFor('/ops/api/login')?.family).toBe('ops');
    expect(r.envelopeFor('/auth/login')).toBeUndefined();
    expect(r.envelopeFor('/health')).toBeUndefined();
  });

  it('prefers the longest matching prefix', () => {
    const r = new CompatRegistry({ ...defaults, ops: '/legacy', platform: '/legacy2' });
    expect(r.envelopeFor('/legacy2/users')?.family).toBe('platform');
    expect(r.envelopeFor('/legacy/api')?.family).toBe('ops');
  });
});
