import { checkRecords } from './domain-records';

describe('checkRecords', () => {
  it('normalizes names and types', () => {
    expect(
      checkRecords([
        { name: 'WWW.Example.com.', type: 'a', value: '10.10.10.10' },
        { name: 'example.com', type: 'MX', value: '10 mail.example.com', ttl: 300 },
        { name: '*.example.com', type: 'TXT', value: 'v=spf1 -all' },
      ]),
    ).toEqual([
      { name: 'www.example.com', type: 'A', value: '10.10.10.10', ttl: null },
      { name: 'example.com', type: 'MX', value: '10 mail.example.com', ttl: 300 },
      { name: '*.example.com', type: 'TXT', value: 'v=spf1 -all', ttl: null },
    ]);
  });

  it.each([
    [[{ name: 'a b.example.com', type: 'A', value: '10.0.0.1' }], 'records[0].record'],
    [[{ name: 'www.example.com', type: 'PTR', value: 'x' }], 'records[0].type'],
    [[{ name: 'www.example.com', type: 'A', value: '10.0.0.256' }], 'records[0].value: must be an IPv4'],
    [[{ name: 'www.example.com', type: 'AAAA', value: '10.0.0.1' }], 'records[0].value: must be an IPv6'],
    [[{ name: 'www.example.com', type: 'MX', value: 'mail.example.com' }], 'records[0].value: must be "<priority>'],
    [[{ name: 'www.example.com', type: 'SRV', value: '1 2 70000 sip.example.com' }], 'records[0].value'],
    [[{ name: 'www.example.com', type: 'CAA', value: '0 issue ca.example.net' }], 'records[0].value'],
    [[{ name: 'www.example.com', type: 'CNAME', value: 'bad name' }], 'records[0].value'],
    [[{ name: 'www.example.com', type: 'A', value: '10.0.0.1', ttl: 0 }], 'records[0].ttl'],
    [[{ name: 'www.example.com', type: 'A', value: '10.0.0.1', ttl: 604801 }], 'records[0].ttl'],
    [
      [
        { name: 'www.example.com', type: 'A', value: '10.0.0.1' },
        { name: 'www.example.com', type: 'CNAME', value: 'web.example.com' },
      ],
      'records[1].record: a CNAME',
    ],
    [
      [
        { name: 'www.example.com', type: 'A', value: '10.0.0.1' },
        { name: 'www.example.com', type: 'A', value: '10.0.0.1' },
      ],
      'records[1]: repeats',
    ],
    [[], 'records: must hold at least one'],
  ])('refuses %j naming %s', (records, message) => {
    expect(() => checkRecords(records)).toThrow(message);
  });
});
