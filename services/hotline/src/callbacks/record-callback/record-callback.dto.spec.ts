import { recordCallbackSchema } from './record-callback.dto';

const fields = (input: unknown) => recordCallbackSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('recordCallbackSchema', () => {
  it('takes a reached citizen with their satisfaction, and an unanswered call without one', () => {
    expect(fields({ reached: true, satisfaction: 'basically-satisfied', resolved: false, comment: '还需观察' })).toEqual([]);
    expect(fields({ reached: false, comment: '无人接听' })).toEqual([]);
  });

  it('wants the satisfaction of a reached citizen', () => {
    expect(fields({ reached: true })).toEqual(['satisfaction']);
  });

  it('refuses satisfaction or a resolution verdict from a citizen who was not reached', () => {
    expect(fields({ reached: false, satisfaction: 'satisfied', resolved: true })).toEqual(['satisfaction', 'resolved']);
  });

  it('knows only the three satisfaction grades', () => {
    expect(fields({ reached: true, satisfaction: 'happy' })).toEqual(['satisfaction']);
  });
});
