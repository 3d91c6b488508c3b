import {
  dbDatetime,
  formatValue,
  fromDb,
  historyText,
  isEmptyInput,
  parseDatetime,
  parseValueType,
  sameKey,
  tableOf,
  toStored,
  ValueType,
} from './value-types';

describe('parseValueType', () => {
  it.each([
    ['0', '0'],
    [2, '2'],
    ['text', '2'],
    ['INT', '0'],
    ['date', '4'],
    ['time', '5'],
    ['json', '6'],
    [' float ', '1'],
    ['integer', '0'],
  ])('reads %j as %j', (input, code) => expect(parseValueType(input)).toBe(code));

  it.each([['7'], ['bool'], [''], [null], [1.5], [{}]])('refuses %j', (input) =>
    expect(parseValueType(input)).toBeUndefined(),
  );
});

describe('tableOf', () => {
  it('keeps dates with datetimes and times with text', () => {
    expect(tableOf(ValueType.DATE)).toBe('datetime');
    expect(tableOf(ValueType.TIME)).toBe('text');
    expect(tableOf(ValueType.JSON)).toBe('json');
    expect(tableOf(ValueType.FLOAT)).toBe('float');
  });
});

describe('toStored', () => {
  it.each([
    [ValueType.INT, '42', 42],
    [ValueType.INT, ' 7 ', 7],
    [ValueType.INT, '4.7', 4],
    [ValueType.INT, -3, -3],
    [ValueType.FLOAT, '8.5', 8.5],
    [ValueType.FLOAT, 2, 2],
    [ValueType.TEXT, '  web-1 ', 'web-1'],
    [ValueType.TEXT, '<b>', '<b>'],
    [ValueType.TEXT, 12, '12'],
    [ValueType.TEXT, '', ''],
    [ValueType.TIME, '9:05', '09:05'],
    [ValueType.TIME, '23:59:59', '23:59:59'],
    [ValueType.JSON, '{"a": [1, 2]}', '{"a":[1,2]}'],
    [ValueType.JSON, { a: 1 }, '{"a":1}'],
    [ValueType.JSON, [1, 'x'], '[1,"x"]'],
  ])('%s %j → %j', (vt, raw, stored) => expect(toStored(vt, raw)).toEqual(stored));

  it('reads datetimes as UTC and keeps dates at midnight', () => {
    expect(toStored(ValueType.DATETIME, '2021-03-04 05:06:07')).toEqual(new Date('2021-03-04T05:06:07Z'));
    expect(toStored(ValueType.DATETIME, '2021-03-04')).toEqual(new Date('2021-03-04T00:00:00Z'));
    expect(toStored(ValueType.DATETIME, '2021-03-04T05:06')).toEqual(new Date('2021-03-04T05:06:00Z'));
    expect(toStored(ValueType.DATE, '2021-03-04 05:06:07')).toEqual(new Date('2021-03-04T00:00:00Z'));
  });

  it.each([
    [ValueType.INT, 'abc'],
    [ValueType.INT, '1e30'],
    [ValueType.INT, true],
    [ValueType.FLOAT, 'NaN'],
    [ValueType.FLOAT, [1]],
    [ValueType.TEXT, { a: 1 }],
    [ValueType.TIME, '24:00'],
    [ValueType.TIME, '12:60'],
    [ValueType.DATETIME, '2021-02-30'],
    [ValueType.DATETIME, '2021-13-01'],
    [ValueType.DATETIME, '2021-01-01 10:30:99'],
    [ValueType.DATETIME, 'yesterday'],
    [ValueType.DATE, 20210101],
    [ValueType.JSON, '{broken'],
  ])('refuses %s %j', (vt, raw) => expect(toStored(vt, raw)).toBeUndefined());

  it('refuses text longer than a TEXT column holds', () => {
    expect(toStored(ValueType.TEXT, 'x'.repeat(16000))).toHaveLength(16000);
    expect(toStored(ValueType.TEXT, 'x'.repeat(16001))).toBeUndefined();
  });
});

describe('isEmptyInput', () => {
  it('treats null, undefined and blank strings as no value, and 0 or false as values', () => {
    expect([null, undefined, '', '  '].map(isEmptyInput)).toEqual([true, true, true, true]);
    expect([0, false, 'x', []].map(isEmptyInput)).toEqual([false, false, false, false]);
  });
});

describe('showing values', () => {
  const when = new Date('2020-01-02T03:04:05Z');

  it('formats rows: numbers as numbers, dates per type, JSON parsed', () => {
    expect(formatValue(ValueType.INT, '12')).toBe(12);
    expect(formatValue(ValueType.DATETIME, when)).toBe('2020-01-02 03:04:05');
    expect(formatValue(ValueType.DATE, when)).toBe('2020-01-02');
    expect(formatValue(ValueType.JSON, '{"a":1}')).toEqual({ a: 1 });
  });

  it('keeps history as text', () => {
    expect(historyText(ValueType.INT, 4)).toBe('4');
    expect(historyText(ValueType.DATE, when)).toBe('2020-01-02');
    expect(historyText(ValueType.JSON, '[1,2]')).toBe('[1,2]');
  });

  it('compares text exactly, numbers by value and dates by instant', () => {
    expect(sameKey(ValueType.TEXT, 'Web')).not.toBe(sameKey(ValueType.TEXT, 'web'));
    expect(sameKey(ValueType.INT, '4')).toBe(sameKey(ValueType.INT, 4));
    expect(sameKey(ValueType.DATE, new Date(when))).toBe(sameKey(ValueType.DATE, when));
  });
});

describe('database forms', () => {
  it('reads what each driver answers', () => {
    expect(fromDb('int', '9007199254740991')).toBe(9007199254740991);
    expect(fromDb('datetime', '2020-01-02 03:04:05.000')).toEqual(new Date('2020-01-02T03:04:05Z'));
    const d = new Date('2020-01-02T03:04:05Z');
    expect(fromDb('datetime', d)).toBe(d);
  });

  it('binds datetimes as each dialect stores them', () => {
    const d = new Date('2020-01-02T03:04:05.006Z');
    expect(dbDatetime(d, 'mysql')).toBe('2020-01-02 03:04:05');
    expect(dbDatetime(d, 'sqlite')).toBe('2020-01-02 03:04:05.006');
  });

  it('parses only real calendar dates', () => {
    expect(parseDatetime('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(parseDatetime('2023-02-29')).toBeUndefined();
  });
});
