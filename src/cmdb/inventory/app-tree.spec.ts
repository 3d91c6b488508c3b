import { ancestorFullNames, fullNameOf, isSelfOrDescendant, renamedDescendant } from './app-tree';

describe('application tree', () => {
  it('spells full names from the root', () => {
    expect(fullNameOf('C', 'A.B')).toBe('A.B.C');
    expect(fullNameOf('A', null)).toBe('A');
    expect(ancestorFullNames('A.B.C')).toEqual(['A', 'A.B']);
    expect(ancestorFullNames('A')).toEqual([]);
  });

  it('knows descendants by full name, not by a shared prefix of letters', () => {
    expect(isSelfOrDescendant('A.B', 'A.B')).toBe(true);
    expect(isSelfOrDescendant('A.B', 'A.B.C')).toBe(true);
    expect(isSelfOrDescendant('A.B', 'A.BC')).toBe(false);
    expect(isSelfOrDescendant('A.B', 'A')).toBe(false);
  });

  it('moves a descendant’s name with its ancestor', () => {
    expect(renamedDescendant('A.B.C.D', 'A.B', 'X.B2')).toBe('X.B2.C.D');
  });
});
