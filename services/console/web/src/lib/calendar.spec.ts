import { arrangementFromLines, entriesOf, linesOf, monthsOf } from './calendar';

describe('calendar page helpers', () => {
  it('reads the form\'s lines: a date and an optional name, blank lines skipped', () => {
    expect(entriesOf('2027-01-01 元旦\n\n 2027-02-05，春节 除夕\n2027-02-06')).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节 除夕' },
      { date: '2027-02-06' },
    ]);
    expect(arrangementFromLines('2027-01-01 元旦', '')).toEqual({ holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [] });
  });

  it('writes entries back as lines, the same way', () => {
    const entries = [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02' }];
    expect(entriesOf(linesOf(entries))).toEqual(entries);
  });

  it('lays a year out by month, Monday first (2027-02-01 is a Monday, 2027-03-01 too, 2027-01-01 a Friday)', () => {
    const days: { date: string }[] = [];
    for (let d = Date.UTC(2027, 0, 1); d < Date.UTC(2027, 3, 1); d += 86_400_000) days.push({ date: new Date(d).toISOString().slice(0, 10) });
    const months = monthsOf(days);
    expect(months.map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(months[0].cells.slice(0, 5)).toEqual([null, null, null, null, { date: '2027-01-01' }]);
    expect(months[1].cells[0]).toEqual({ date: '2027-02-01' });
    expect(months[1].cells.filter(Boolean)).toHaveLength(28);
  });
});
