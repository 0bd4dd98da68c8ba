import { runsOf } from './member-list-writer';

describe('a list batch', () => {
  it('keeps the order of its changes, consecutive adds or removes in one update', () => {
    const add = (member: string) => ({ add: true, member });
    const remove = (member: string) => ({ add: false, member });
    expect(runsOf([add('a'), add('b'), remove('c'), remove('a'), add('a')])).toEqual([
      { add: true, members: ['a', 'b'] }, { add: false, members: ['c', 'a'] }, { add: true, members: ['a'] },
    ]);
    expect(runsOf([])).toEqual([]);
  });
});
