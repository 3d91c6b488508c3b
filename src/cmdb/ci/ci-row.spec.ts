import { ciRow, PASSWORD_MASK } from './ci-row';
import { catalog, CPU, HOSTNAME, SECRET, TAGS, BORN } from './ci-catalog.fixture';

const values = new Map([
  [HOSTNAME.id, ['web-1']],
  [CPU.id, ['8']],
  [TAGS.id, ['a', 'b']],
  [BORN.id, [new Date('2020-05-06T00:00:00Z')]],
  [SECRET.id, ['hunter2']],
]);

describe('ciRow', () => {
  it('carries both generations of meta keys and every attribute of the type', () => {
    expect(ciRow(catalog, { id: 7, typeId: 10, values })).toEqual({
      ci_id: 7,
      _id: 7,
      type_id: 10,
      _type: 10,
      ci_type: 'server',
      ci_type_alias: 'Server',
      unique: 'hostname',
      unique_alias: 'Host name',
      _unique: 'web-1',
      hostname: 'web-1',
      cpu: 8,
      idc: null,
      tags: ['a', 'b'],
      born: '2020-05-06',
      root_password: PASSWORD_MASK,
    });
  });

  it('keys attributes by alias or id, and shows only the fields asked for', () => {
    const byAlias = ciRow(catalog, { id: 7, typeId: 10, values }, { retKey: 'alias', fields: [CPU] });
    expect(byAlias).toMatchObject({ CPU: 8 });
    expect(byAlias).not.toHaveProperty('Host name');
    expect(ciRow(catalog, { id: 7, typeId: 10, values }, { retKey: 'id', fields: [TAGS] })).toMatchObject({
      '4': ['a', 'b'],
    });
  });
});
