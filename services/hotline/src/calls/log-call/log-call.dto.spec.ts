import { logCallSchema } from './log-call.dto';

const fields = (input: unknown) => logCallSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];
const base = { callerNumber: '13812345678', content: '路灯不亮', requestType: 'complaint', address: '阳光社区3号楼' };

describe('logCallSchema', () => {
  it('accepts a call with an address or a location, and leaves urgency to the category when not given', () => {
    expect(fields(base)).toEqual([]);
    expect(logCallSchema.parse(base).urgency).toBeUndefined();
    expect(fields({ ...base, address: undefined, location: { lng: 109.84, lat: 40.65 } })).toEqual([]);
  });

  it('wants a place unless the inquiry was answered on the spot', () => {
    expect(fields({ ...base, address: undefined })).toEqual(['address']);
    expect(fields({ ...base, address: undefined, requestType: 'inquiry', answeredWithArticleId: 'kb-x' })).toEqual([]);
  });

  it('answers only inquiries on the spot', () => {
    expect(fields({ ...base, answeredWithArticleId: 'kb-x' })).toEqual(['answeredWithArticleId']);
  });

  it('names every bad field by its path', () => {
    expect(fields({ callerNumber: 'x', requestType: 'gossip', categoryCode: 'heating', location: { lng: 0, lat: 91 } })).toEqual(
      expect.arrayContaining(['callerNumber', 'content', 'requestType', 'categoryCode', 'location.lat']),
    );
  });
});
