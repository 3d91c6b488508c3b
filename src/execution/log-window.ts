import { InvalidInputError } from '../common/errors/domain-errors';

// Reading part of a log file: the options of the platform API's instance log endpoint (seed 003,
// "获取应用日志"), checked and turned into one window to read, and the arithmetic around that read.
// No I/O here: RemoteFiles fetches the bytes or lines this module asks for.

export const DEFAULT_BLOCK_SIZE = 8192;
export const MAX_BLOCK_SIZE = 1024 * 1024;
export const DEFAULT_LINES = 1000;
export const MAX_LINES = 10_000;
/** Lines mode answers at most this many bytes; a longer window is cut after its last whole line. */
export const MAX_LINES_BYTES = 4 * 1024 * 1024;

/** The request as the legacy API names it: numbers, or their decimal strings from a query string. */
export interface LogReadOptions {
  mode?: string | null;
  from_position?: number | string | null;
  from_last_position?: number | string | null;
  block_size?: number | string | null;
  lines?: number | string | null;
  from_lines?: number | string | null;
  latest_lines?: number | string | null;
  latest_lines_offset?: number | string | null;
}

/**
 * What to read. `from: 'start'` counts `offset`/`skip` from the beginning of the file, `from: 'end'`
 * back from its end; `size`/`count` is how much to read in that direction's reading order.
 */
export type LogWindow =
  | { mode: 'bytes'; from: 'start' | 'end'; offset: number; size: number }
  | { mode: 'lines'; from: 'start' | 'end'; skip: number; count: number };

/** The answer of the endpoint. Lengths and positions are in bytes; `lines` only in lines mode. */
export interface LogChunk {
  content: string;
  /** Bytes of `content`. */
  length: number;
  /** Size of the file when it was read. */
  total_length: number;
  /** Byte offset just after `content`: where a reader that follows the file continues. */
  position: number;
  /** Line number of the last line in `content` (lines before and in it): the next `from_lines`. */
  lines?: number;
}

type NumberField = Exclude<keyof LogReadOptions, 'mode'>;

function integer(options: LogReadOptions, field: NumberField, min: number, max: number): number | undefined {
  const raw = options[field];
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'number' ? raw : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
    throw new InvalidInputError(field, `must be ${range}`);
  }
  return value;
}

function exclusive(a: [NumberField, number | undefined], b: [NumberField, number | undefined]): void {
  if (a[1] !== undefined && b[1] !== undefined) {
    throw new InvalidInputError(b[0], `cannot be combined with ${a[0]}`);
  }
}

/**
 * Checks every option (also those the mode ignores: a malformed value is a client bug either way)
 * and picks the window. Options of the other mode are ignored, as the legacy document says.
 * Lines mode reads from the start (`lines`, `from_lines`) or from the end (`latest_lines`,
 * `latest_lines_offset`); naming both directions is an error, naming neither reads from the start,
 * like bytes mode does.
 */
export function parseLogWindow(options: LogReadOptions): LogWindow {
  const mode = options.mode ?? 'bytes';
  if (mode !== 'bytes' && mode !== 'lines') throw new InvalidInputError('mode', 'must be bytes or lines');
  const max = Number.MAX_SAFE_INTEGER;
  const fromPosition = integer(options, 'from_position', 0, max);
  const fromLastPosition = integer(options, 'from_last_position', 0, max);
  const blockSize = integer(options, 'block_size', 1, MAX_BLOCK_SIZE);
  const lines = integer(options, 'lines', 1, MAX_LINES);
  const fromLines = integer(options, 'from_lines', 0, max);
  const latestLines = integer(options, 'latest_lines', 1, MAX_LINES);
  const latestLinesOffset = integer(options, 'latest_lines_offset', 0, max);

  if (mode === 'bytes') {
    exclusive(['from_position', fromPosition], ['from_last_position', fromLastPosition]);
    const size = blockSize ?? DEFAULT_BLOCK_SIZE;
    if (fromLastPosition !== undefined) return { mode, from: 'end', offset: fromLastPosition, size };
    return { mode, from: 'start', offset: fromPosition ?? 0, size };
  }

  exclusive(['from_lines', fromLines], ['latest_lines_offset', latestLinesOffset]);
  exclusive(['from_lines', fromLines], ['latest_lines', latestLines]);
  exclusive(['lines', lines], ['latest_lines_offset', latestLinesOffset]);
  exclusive(['lines', lines], ['latest_lines', latestLines]);
  if (latestLines !== undefined || latestLinesOffset !== undefined) {
    return { mode, from: 'end', skip: latestLinesOffset ?? 0, count: latestLines ?? DEFAULT_LINES };
  }
  return { mode, from: 'start', skip: fromLines ?? 0, count: lines ?? DEFAULT_LINES };
}

/** A remote path goes to SFTP and, quoted, to a shell: it must be a non-empty string without NUL. */
export function checkLogPath(path: string): void {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidInputError('path', 'is required');
  if (path.includes('\0')) throw new InvalidInputError('path', 'must not contain a NUL character');
}

/**
 * The byte range `[start, end)` of a bytes window in a file of `totalLength` bytes. A window that
 * starts past the end is empty and stays where it was asked to start.
 */
export function byteRange(
  window: { from: 'start' | 'end'; offset: number; size: number },
  totalLength: number,
): { start: number; end: number } {
  if (window.from === 'start') {
    const start = window.offset;
    return { start, end: Math.max(start, Math.min(start + window.size, totalLength)) };
  }
  const end = Math.max(0, totalLength - window.offset);
  return { start: Math.max(0, end - window.size), end };
}

/**
 * The lines to read, as lines to skip from the start and lines to take, given the file's line count
 * (a last line without a newline counts).
 */
export function lineRange(
  window: { from: 'start' | 'end'; skip: number; count: number },
  totalLines: number,
): { skip: number; count: number } {
  if (window.from === 'start') return { skip: window.skip, count: window.count };
  const end = Math.max(0, totalLines - window.skip);
  const skip = Math.max(0, end - window.count);
  return { skip, count: end - skip };
}

const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/** How many bytes the UTF-8 sequence that starts with `lead` has (1 for anything that is not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf8) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/**
 * Trims a byte window to whole UTF-8 characters so the decoded text has no replacement characters at
 * its edges: continuation bytes at the start are dropped when the window does not start the file, an
 * incomplete character at the end is left for the next read. Returns `[begin, end)` into `bytes`;
 * when trimming would leave nothing, the window is kept as it is so a reader always moves on.
 */
export function utf8Bounds(bytes: Uint8Array, startsFile: boolean): { begin: number; end: number } {
  let begin = 0;
  if (!startsFile) {
    while (begin < bytes.length && begin < 3 && isContinuation(bytes[begin])) begin++;
  }
  let end = bytes.length;
  // Find the lead byte of the last character (at most 3 continuation bytes back) and check it is whole.
  let lead = end - 1;
  while (lead > begin && end - lead < 4 && isContinuation(bytes[lead])) lead--;
  if (lead >= begin && end - lead < sequenceLength(bytes[lead])) end = lead;
  if (end <= begin) return { begin: 0, end: bytes.length };
  return { begin, end };
}

/** Lines in `text` counted as a reader would: a last line without a newline counts too. */
export function countLines(text: Uint8Array): number {
  let n = 0;
  for (const byte of text) if (byte === 0x0a) n++;
  if (text.length > 0 && text[text.length - 1] !== 0x0a) n++;
  return n;
}

/**
 * Cuts lines-mode content that went over `maxBytes` after its last whole line within the limit;
 * a single line longer than the limit is cut at the limit.
 */
export function capLines(content: Buffer, maxBytes: number): Buffer {
  if (content.length <= maxBytes) return content;
  const head = content.subarray(0, maxBytes);
  const lastNewline = head.lastIndexOf(0x0a);
  return lastNewline >= 0 ? head.subarray(0, lastNewline + 1) : head;
}
