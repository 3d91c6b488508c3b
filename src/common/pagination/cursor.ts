import { InvalidInputError } from '../errors/domain-errors';

/** Opaque cursors over lists in id order: one page's `endCursor` is the next page's `after`. */
export function cursorOf(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

/** The id a cursor stands for; anything this service did not hand out is a 400 naming `field`. */
export function idOfCursor(cursor: string, field: string): number {
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) throw new InvalidInputError(field, 'is not a cursor of this list');
  return Number(match[1]);
}
