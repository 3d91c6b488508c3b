import { catalog, CPU, HOSTNAME, RACK, SERVER, SN } from './ci-catalog.fixture';

describe('CiCatalog lookups', () => {
  it('finds an attribute by name, then id, then alias, ignoring case', () => {
    expect(catalog.attribute('hostname')).toBe(HOSTNAME);
    expect(catalog.attribute('HOSTNAME')).toBe(HOSTNAME);
    expect(catalog.attribute('2')).toBe(CPU);
    expect(catalog.attribute(2)).toBe(CPU);
    expect(catalog.attribute('host NAME')).toBe(HOSTNAME);
    expect(catalog.attribute('nothing')).toBeUndefined();
    expect(catalog.attribute(' ')).toBeUndefined();
  });

  it('finds a type by name, id or alias', () => {
    expect(catalog.type('Server')).toBe(SERVER);
    expect(catalog.type('11')).toBe(RACK);
    expect(catalog.type(10)).toBe(SERVER);
    expect(catalog.type('vm')).toBeUndefined();
  });

  it("answers a type's attributes in order and only those it carries", () => {
    expect(catalog.typeAttributes(RACK)).toEqual([SN]);
    expect(catalog.typeAttribute(SERVER, 'cpu')).toBe(CPU);
    expect(catalog.typeAttribute(SERVER, 'sn')).toBeUndefined();
    expect(catalog.uniqueAttribute(SERVER)).toBe(HOSTNAME);
  });
});
