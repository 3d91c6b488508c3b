import { InvalidInputError } from '../../common/errors/domain-errors';
import { compileHostQuery, HostEnums } from './host-query-compiler';
import { parseQuery } from './query-parser';

const ENUMS: HostEnums = {
  hostType: ['ALI_ECS', 'PHY_HOST', 'OTHER'],
  status: ['attached', 'inited', 'raw', 'offline'],
  osStatus: ['stopped', 'running', 'restarting'],
};

const compile = (q: string) => compileHostQuery(parseQuery(q, 'hostQuery'), ENUMS);

function refusal(q: string): InvalidInputError {
  try {
    compile(q);
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error(`"${q}" was accepted`);
}

describe('compileHostQuery', () => {
  it('turns a pattern into an escaped LIKE with * as the only wildcard', () => {
    expect(compile('hostname:web_1*')).toEqual({
      text: "SELECT h.id AS id, h.name AS name FROM hosts h WHERE h.name LIKE ? ESCAPE '!' ORDER BY h.id",
      params: ['web!_1%'],
    });
  });

  it('compares numbers as bound numbers and guards nullable columns so NOT keeps hosts lacking the value', () => {
    expect(compile('_type:host,~cpu:>8')).toEqual({
      text: 'SELECT h.id AS id, h.name AS name FROM hosts h WHERE NOT (h.cpu IS NOT NULL AND (h.cpu > ?)) ORDER BY h.id',
      params: [8],
    });
  });

  it('folds terms left to right without precedence', () => {
    const { text, params } = compile('cpu:[4 _TO_ 16],ip:10.*,-~application:shop.*,~web-1');
    expect(text).toBe(
      'SELECT h.id AS id, h.name AS name FROM hosts h WHERE ' +
        "(((h.cpu IS NOT NULL AND (h.cpu BETWEEN ? AND ?)) AND (h.id IN (SELECT ip.host_id FROM ip_addresses ip WHERE ip.address LIKE ? ESCAPE '!'))) " +
        "OR (h.id IN (SELECT ai.host_id FROM application_instances ai JOIN applications a ON a.id = ai.application_id WHERE NOT (a.full_name LIKE ? ESCAPE '!')))) " +
        "AND NOT ((h.name LIKE ? ESCAPE '!') OR (h.id IN (SELECT ip.host_id FROM ip_addresses ip WHERE ip.address LIKE ? ESCAPE '!'))) " +
        'ORDER BY h.id',
    );
    expect(params).toEqual([4, 16, '10.%', 'shop.%', 'web-1', 'web-1']);
  });

  it('reads an empty query as matching nothing', () => {
    expect(compile('').text).toBe('SELECT h.id AS id, h.name AS name FROM hosts h WHERE 1=0 ORDER BY h.id');
    expect(compile('_type:(host;HOSTS)').text).toBe(
      'SELECT h.id AS id, h.name AS name FROM hosts h WHERE 1=1 ORDER BY h.id',
    );
  });

  it('refuses other types, unknown keys and values a column cannot hold, naming the term', () => {
    expect(refusal('_type:(host;server)')).toMatchObject({
      field: 'hostQuery',
      reason: 'unknown_type',
      message:
        'hostQuery: position 7 (1-based): _type:(host;server): hosts are the only type here: "server" is unknown',
    });
    expect(refusal('cpu:1,mem:2')).toMatchObject({ reason: 'unknown_attribute' });
    expect(refusal('memory:[1 _TO_ lots]').message).toBe(
      'hostQuery: position 8 (1-based): memory:[1 _TO_ lots]: "lots" is not a whole number',
    );
    expect(refusal('_id:web').message).toMatch(/"web" is not a host id/);
    expect(refusal('os_status:(running;sleeping)').message).toMatch(/"sleeping" is not one of stopped, running/);
    expect(refusal('is_initialized:[0 _TO_ 1]').message).toMatch(/takes true or false/);
  });
});
