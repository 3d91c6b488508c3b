import { diffValues, OperateType } from './ci-value-diff';
import { ValueType } from './value-types';

const text = (v: unknown) => String(v);
const single = { valueType: ValueType.INT, isList: false };
const list = { valueType: ValueType.TEXT, isList: true };

describe('diffValues: single value', () => {
  it('inserts a value the CI lacks (history add)', () => {
    expect(diffValues(single, [], 4, text)).toEqual({
      insert: [4],
      deleteIds: [],
      history: [{ operateType: OperateType.ADD, old: null, new: '4' }],
    });
  });

  it('leaves an equal value alone and a missing one missing', () => {
    expect(diffValues(single, [{ id: 1, value: 4 }], 4, text)).toEqual({ insert: [], deleteIds: [], history: [] });
    expect(diffValues(single, [], null, text)).toEqual({ insert: [], deleteIds: [], history: [] });
  });

  it('replaces a different value (history update old → new)', () => {
    expect(diffValues(single, [{ id: 1, value: 4 }], 8, text)).toEqual({
      insert: [8],
      deleteIds: [1],
      history: [{ operateType: OperateType.UPDATE, old: '4', new: '8' }],
    });
  });

  it('deletes a cleared value (history update old → "")', () => {
    expect(diffValues(single, [{ id: 1, value: 4 }], null, text)).toEqual({
      insert: [],
      deleteIds: [1],
      history: [{ operateType: OperateType.UPDATE, old: '4', new: '' }],
    });
  });

  it('treats a case change of text as a change', () => {
    const t = { valueType: ValueType.TEXT, isList: false };
    expect(diffValues(t, [{ id: 1, value: 'Web' }], 'web', text).history).toHaveLength(1);
  });
});

describe('diffValues: multi-value', () => {
  it('adds new elements and deletes dropped ones, one history line each', () => {
    const existing = [
      { id: 1, value: 'a' },
      { id: 2, value: 'b' },
    ];
    expect(diffValues(list, existing, ['b', 'c', 'c'], text)).toEqual({
      insert: ['c'],
      deleteIds: [1],
      history: [
        { operateType: OperateType.DELETE, old: 'a', new: null },
        { operateType: OperateType.ADD, old: null, new: 'c' },
      ],
    });
  });

  it('clears every element on null', () => {
    expect(diffValues(list, [{ id: 1, value: 'a' }], null, text).deleteIds).toEqual([1]);
  });
});
