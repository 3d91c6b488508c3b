import { InvalidInputError } from '../errors/domain-errors';
import { cursorOf, idOfCursor } from './cursor';

describe('cursors', () => {
  it('give back the id they were made from', () => {
    expect(idOfCursor(cursorOf(12345), 'after')).toBe(12345);
  });

  it('refuse what the service did not hand out, naming the field', () => {
    for (const junk of ['', 'abc', cursorOf(1).slice(1), Buffer.from('id:-1').toString('base64url')]) {
      expect(() => idOfCursor(junk, 'after')).toThrow(InvalidInputError);
    }
    expect(() => idOfCursor('abc', 'after')).toThrow(expect.objectContaining({ field: 'after' }));
  });
});
