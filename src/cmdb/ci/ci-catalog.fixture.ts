// A small catalog for the unit specs: servers keyed by hostname, with a few typical attributes.
import { CatalogAttribute, CatalogType, CiCatalog } from './ci-catalog';
import { ValueType } from './value-types';

export function attr(id: number, name: string, valueType: ValueType, extra: Partial<CatalogAttribute> = {}) {
  return {
    id,
    name,
    alias: name.toUpperCase(),
    valueType,
    isList: false,
    isUnique: false,
    isIndex: false,
    isLink: false,
    isPassword: false,
    isSortable: false,
    choices: [],
    ...extra,
  } satisfies CatalogAttribute;
}

export const HOSTNAME = attr(1, 'hostname', ValueType.TEXT, { alias: 'Host name' });
export const CPU = attr(2, 'cpu', ValueType.INT);
export const IDC = attr(3, 'idc', ValueType.TEXT, { choices: ['nh', 'oy'] });
export const TAGS = attr(4, 'tags', ValueType.TEXT, { isList: true });
export const BORN = attr(5, 'born', ValueType.DATE);
export const SECRET = attr(6, 'root_password', ValueType.TEXT, { isPassword: true });
export const SN = attr(7, 'sn', ValueType.TEXT);

export const SERVER: CatalogType = {
  id: 10,
  name: 'server',
  alias: 'Server',
  uniqueId: HOSTNAME.id,
  enabled: true,
  attributes: [HOSTNAME, CPU, IDC, TAGS, BORN, SECRET].map((a, i) => ({
    attrId: a.id,
    position: i,
    isRequired: a === HOSTNAME || a === CPU,
    defaultShow: true,
  })),
};

export const RACK: CatalogType = {
  id: 11,
  name: 'rack',
  alias: 'Rack',
  uniqueId: SN.id,
  enabled: true,
  attributes: [{ attrId: SN.id, position: 0, isRequired: true, defaultShow: true }],
};

export const catalog = new CiCatalog([HOSTNAME, CPU, IDC, TAGS, BORN, SECRET, SN], [SERVER, RACK]);
