import { InvalidInputError } from '../common/errors/domain-errors';
import {
  byteRange,
  capLines,
  checkLogPath,
  countLines,
  lineRange,
  LogReadOptions,
  MAX_BLOCK_SIZE,
  MAX_LINES,
  parseLogWindow,
  utf8Bounds,
} from './log-window';

function invalid(options: LogReadOptions): InvalidInputError {
  try {
    parseLogWindow(options);
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe('parseLogWindow', () => {
  describe('bytes mode', () => {
    it('reads 8192 bytes from the start by default, as the legacy API does', () => {
      expect(parseLogWindow({})).toEqual({ mode: 'bytes', from: 'start', offset: 0, size: 8192 });
      expect(parseLogWindow({ mode: 'bytes' })).toEqual({ mode: 'bytes', from: 'start', offset: 0, size: 8192 });
    });

    it('reads from from_position or back from from_last_position', () => {
      expect(parseLogWindow({ from_position: 100, block_size: 10 })).toEqual({
        mode: 'bytes',
        from: 'start',
        offset: 100,
        size: 10,
      });
      expect(parseLogWindow({ from_last_position: 0 })).toEqual({ mode: 'bytes', from: 'end', offset: 0, size: 8192 });
      expect(parseLogWindow({ from_last_position: '7', block_size: '3' })).toEqual({
        mode: 'bytes',
        from: 'end',
        offset: 7,
        size: 3,
      });
    });

    it('rejects from_position together with from_last_position, naming the latter', () => {
      const e = invalid({ from_position: 0, from_last_position: 0 });
      expect(e.field).toBe('from_last_position');
      expect(e.message).toBe('from_last_position: cannot be combined with from_position');
    });

    it('bounds block_size', () => {
      expect(parseLogWindow({ block_size: MAX_BLOCK_SIZE })).toMatchObject({ size: MAX_BLOCK_SIZE });
      expect(invalid({ block_size: MAX_BLOCK_SIZE + 1 }).field).toBe('block_size');
      expect(invalid({ block_size: 0 }).message).toBe(`block_size: must be an integer from 1 to ${MAX_BLOCK_SIZE}`);
    });

    it('ignores the options of lines mode but still checks them', () => {
      expect(parseLogWindow({ lines: 5, latest_lines: 5 })).toEqual({
        mode: 'bytes',
        from: 'start',
        offset: 0,
        size: 8192,
      });
      expect(invalid({ latest_lines: 'x' }).field).toBe('latest_lines');
    });
  });

  describe('lines mode', () => {
    it('reads 1000 lines from the start when no direction is named', () => {
      expect(parseLogWindow({ mode: 'lines' })).toEqual({ mode: 'lines', from: 'start', skip: 0, count: 1000 });
    });

    it('reads lines after from_lines', () => {
      expect(parseLogWindow({ mode: 'lines', lines: 10 })).toEqual({
        mode: 'lines',
        from: 'start',
        skip: 0,
        count: 10,
      });
      expect(parseLogWindow({ mode: 'lines', from_lines: 20 })).toEqual({
        mode: 'lines',
        from: 'start',
        skip: 20,
        count: 1000,
      });
      expect(parseLogWindow({ mode: 'lines', from_lines: '20', lines: '5' })).toEqual({
        mode: 'lines',
        from: 'start',
        skip: 20,
        count: 5,
      });
    });

    it('reads the latest lines, optionally before latest_lines_offset lines', () => {
      expect(parseLogWindow({ mode: 'lines', latest_lines: 50 })).toEqual({
        mode: 'lines',
        from: 'end',
        skip: 0,
        count: 50,
      });
      expect(parseLogWindow({ mode: 'lines', latest_lines_offset: 30 })).toEqual({
        mode: 'lines',
        from: 'end',
        skip: 30,
        count: 1000,
      });
      expect(parseLogWindow({ mode: 'lines', latest_lines: 2, latest_lines_offset: 3 })).toEqual({
        mode: 'lines',
        from: 'end',
        skip: 3,
        count: 2,
      });
    });

    it.each<[LogReadOptions, string, string]>([
      [{ from_lines: 1, latest_lines_offset: 1 }, 'latest_lines_offset', 'from_lines'],
      [{ from_lines: 1, latest_lines: 1 }, 'latest_lines', 'from_lines'],
      [{ lines: 1, latest_lines_offset: 1 }, 'latest_lines_offset', 'lines'],
      [{ lines: 1, latest_lines: 1 }, 'latest_lines', 'lines'],
    ])('rejects reading from both ends: %j', (options, field, other) => {
      const e = invalid({ mode: 'lines', ...options });
      expect(e.field).toBe(field);
      expect(e.message).toBe(`${field}: cannot be combined with ${other}`);
    });

    it('bounds lines and latest_lines', () => {
      expect(parseLogWindow({ mode: 'lines', lines: MAX_LINES })).toMatchObject({ count: MAX_LINES });
      expect(invalid({ mode: 'lines', lines: MAX_LINES + 1 }).field).toBe('lines');
      expect(invalid({ mode: 'lines', lines: 0 }).field).toBe('lines');
      expect(invalid({ mode: 'lines', latest_lines: MAX_LINES + 1 }).field).toBe('latest_lines');
      expect(invalid({ mode: 'lines', latest_lines: 0 }).field).toBe('latest_lines');
    });

    it('ignores the options of bytes mode, including both positions at once', () => {
      expect(parseLogWindow({ mode: 'lines', from_position: 1, from_last_position: 2, block_size: 3 })).toEqual({
        mode: 'lines',
        from: 'start',
        skip: 0,
        count: 1000,
      });
    });
  });

  it('rejects an unknown mode', () => {
    const e = invalid({ mode: 'chars' });
    expect(e.field).toBe('mode');
    expect(e.message).toBe('mode: must be bytes or lines');
    expect(invalid({ mode: ' bytes' }).field).toBe('mode');
  });

  it.each<[string, unknown]>([
    ['from_position', -1],
    ['from_position', '-1'],
    ['from_position', 1.5],
    ['from_position', '1.5'],
    ['from_position', ''],
    ['from_position', ' 1'],
    ['from_position', '1e3'],
    ['from_position', '0x10'],
    ['from_position', Number.NaN],
    ['from_position', Number.POSITIVE_INFINITY],
    ['from_position', '99999999999999999999'],
    ['from_position', ['1', '2']],
    ['from_last_position', -5],
    ['block_size', 'abc'],
    ['from_lines', -1],
    ['latest_lines_offset', '-1'],
    ['lines', true],
  ])('rejects %s = %j as not a non-negative integer in range', (field, value) => {
    const e = invalid({ [field]: value } as LogReadOptions);
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(new RegExp(`^${field}: must be an integer`));
  });

  it('treats null as absent, as an omitted query parameter', () => {
    expect(parseLogWindow({ mode: null, from_position: null, from_last_position: 4 })).toMatchObject({
      from: 'end',
      offset: 4,
    });
  });

  it('accepts decimal strings with leading zeros and the largest safe integer', () => {
    expect(parseLogWindow({ from_position: '007' })).toMatchObject({ offset: 7 });
    expect(parseLogWindow({ from_position: String(Number.MAX_SAFE_INTEGER) })).toMatchObject({
      offset: Number.MAX_SAFE_INTEGER,
    });
  });
});

describe('checkLogPath', () => {
  it('accepts any non-empty path without NUL', () => {
    expect(() => checkLogPath(`/var/log/a b'$(x);|&.log`)).not.toThrow();
    expect(() => checkLogPath('relative/app.log')).not.toThrow();
  });

  it('rejects an empty path and a NUL', () => {
    expect(() => checkLogPath('')).toThrow(new InvalidInputError('path', 'is required'));
    expect(() => checkLogPath('/var/log/a\0b')).toThrow(
      new InvalidInputError('path', 'must not contain a NUL character'),
    );
  });
});

describe('byteRange', () => {
  const start = (offset: number, size: number) => ({ from: 'start' as const, offset, size });
  const end = (offset: number, size: number) => ({ from: 'end' as const, offset, size });

  it('reads forward from an offset, stopping at the end of the file', () => {
    expect(byteRange(start(0, 10), 100)).toEqual({ start: 0, end: 10 });
    expect(byteRange(start(95, 10), 100)).toEqual({ start: 95, end: 100 });
    expect(byteRange(start(0, 10), 0)).toEqual({ start: 0, end: 0 });
  });

  it('leaves a window past the end empty where it was asked to start', () => {
    expect(byteRange(start(100, 10), 100)).toEqual({ start: 100, end: 100 });
    expect(byteRange(start(150, 10), 100)).toEqual({ start: 150, end: 150 });
  });

  it('reads the block that ends from_last_position bytes before the end', () => {
    expect(byteRange(end(0, 10), 100)).toEqual({ start: 90, end: 100 });
    expect(byteRange(end(5, 10), 100)).toEqual({ start: 85, end: 95 });
    expect(byteRange(end(95, 10), 100)).toEqual({ start: 0, end: 5 });
    expect(byteRange(end(0, 1000), 100)).toEqual({ start: 0, end: 100 });
    expect(byteRange(end(100, 10), 100)).toEqual({ start: 0, end: 0 });
    expect(byteRange(end(500, 10), 100)).toEqual({ start: 0, end: 0 });
  });
});

describe('lineRange', () => {
  it('keeps a window from the start as asked', () => {
    expect(lineRange({ from: 'start', skip: 10, count: 5 }, 3)).toEqual({ skip: 10, count: 5 });
  });

  it('counts a window from the end back from the last line', () => {
    expect(lineRange({ from: 'end', skip: 0, count: 2 }, 10)).toEqual({ skip: 8, count: 2 });
    expect(lineRange({ from: 'end', skip: 3, count: 2 }, 10)).toEqual({ skip: 5, count: 2 });
    expect(lineRange({ from: 'end', skip: 8, count: 5 }, 10)).toEqual({ skip: 0, count: 2 });
    expect(lineRange({ from: 'end', skip: 0, count: 1000 }, 10)).toEqual({ skip: 0, count: 10 });
    expect(lineRange({ from: 'end', skip: 10, count: 5 }, 10)).toEqual({ skip: 0, count: 0 });
    expect(lineRange({ from: 'end', skip: 50, count: 5 }, 10)).toEqual({ skip: 0, count: 0 });
    expect(lineRange({ from: 'end', skip: 0, count: 5 }, 0)).toEqual({ skip: 0, count: 0 });
  });
});

describe('utf8Bounds', () => {
  const text = Buffer.from('日志ab'); // e6 97 a5 | e5 bf 97 | 61 | 62

  it('keeps whole characters as they are', () => {
    expect(utf8Bounds(text, true)).toEqual({ begin: 0, end: 8 });
    expect(utf8Bounds(text, false)).toEqual({ begin: 0, end: 8 });
    expect(utf8Bounds(Buffer.alloc(0), false)).toEqual({ begin: 0, end: 0 });
  });

  it('drops the tail of a character cut at the start of a window', () => {
    expect(utf8Bounds(text.subarray(1), false)).toEqual({ begin: 2, end: 7 });
    expect(utf8Bounds(text.subarray(2), false)).toEqual({ begin: 1, end: 6 });
  });

  it('leaves a character cut at the end of a window for the next read', () => {
    expect(utf8Bounds(text.subarray(0, 4), true)).toEqual({ begin: 0, end: 3 });
    expect(utf8Bounds(text.subarray(0, 5), true)).toEqual({ begin: 0, end: 3 });
    expect(utf8Bounds(text.subarray(0, 6), true)).toEqual({ begin: 0, end: 6 });
    const emoji = Buffer.from('a😀'); // 61 | f0 9f 98 80
    expect(utf8Bounds(emoji.subarray(0, 4), true)).toEqual({ begin: 0, end: 1 });
    expect(utf8Bounds(emoji, true)).toEqual({ begin: 0, end: 5 });
  });

  it('trims both edges of one window', () => {
    expect(utf8Bounds(text.subarray(2, 6), false)).toEqual({ begin: 1, end: 4 }); // a5 | e5 bf 97
    expect(utf8Bounds(text.subarray(1, 7), false)).toEqual({ begin: 2, end: 6 }); // 97 a5 | e5 bf 97 | 61
    expect(utf8Bounds(text.subarray(1, 6), false)).toEqual({ begin: 2, end: 5 }); // 97 a5 | e5 bf 97
  });

  it('keeps the raw window when trimming would leave nothing, so a reader moves on', () => {
    expect(utf8Bounds(text.subarray(0, 1), true)).toEqual({ begin: 0, end: 1 });
    expect(utf8Bounds(text.subarray(1, 3), false)).toEqual({ begin: 0, end: 2 });
  });

  it('does not trim at the start of the file or bytes that are not UTF-8 sequences', () => {
    expect(utf8Bounds(Buffer.from([0x80, 0x61]), true)).toEqual({ begin: 0, end: 2 });
    expect(utf8Bounds(Buffer.from([0x61, 0xff]), true)).toEqual({ begin: 0, end: 2 });
    expect(utf8Bounds(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x61]), false)).toEqual({ begin: 3, end: 5 });
  });
});

describe('countLines', () => {
  it.each<[string, number]>([
    ['', 0],
    ['\n', 1],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\nb\n', 2],
    ['\n\n\n', 3],
  ])('%j has %d lines', (text, n) => {
    expect(countLines(Buffer.from(text))).toBe(n);
  });
});

describe('capLines', () => {
  it('keeps content within the limit', () => {
    const content = Buffer.from('a\nb\n');
    expect(capLines(content, 4)).toBe(content);
  });

  it('cuts after the last whole line within the limit', () => {
    expect(capLines(Buffer.from('aa\nbb\ncc\n'), 7).toString()).toBe('aa\nbb\n');
    expect(capLines(Buffer.from('aa\nbb\ncc\n'), 6).toString()).toBe('aa\nbb\n');
  });

  it('cuts a single line longer than the limit at the limit', () => {
    expect(capLines(Buffer.from('abcdef\n'), 4).toString()).toBe('abcd');
  });
});
