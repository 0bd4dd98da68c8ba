import { NotFoundException } from '@nestjs/common';
import { type FieldError, InvalidInput, type Locale } from '@civicflow/platform';
import { collectAttributes, MAX_RESULTS, parseServiceRequestBody, parseServiceRequestFilters, parseW3cDateTime } from './open311.dto';

/** The 400's field errors as a client asking in English (the default, Chinese, has the same fields and codes). */
function errorsOf(fn: () => unknown, locale: Locale = 'en'): FieldError[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).errorsIn(locale);
  }
  throw new Error('expected a 400');
}

describe('POST requests body', () => {
  const form = { api_key: 'k', service_code: '0501', lat: '40.6571', long: '109.8403', description: '停水两天了' };

  it('reads a form-encoded request: strings become numbers, blanks are absent', () => {
    const parsed = parseServiceRequestBody({ ...form, email: '', 'attribute[request_type]': 'help' });
    expect(parsed).toMatchObject({ service_code: '0501', lat: 40.6571, long: 109.8403, description: '停水两天了', attributes: { request_type: 'help' } });
    expect(parsed.email).toBeUndefined();
  });

  it('takes an address instead of a point, and attributes as a JSON object', () => {
    const parsed = parseServiceRequestBody({ service_code: '0501', address_string: '阳光社区 3 号楼', attribute: { request_type: 'complaint' } });
    expect(parsed).toMatchObject({ address_string: '阳光社区 3 号楼', attributes: { request_type: 'complaint' } });
  });

  it('names every bad field at once, in Chinese by default and in English when asked', () => {
    const bad = () => parseServiceRequestBody({ service_code: '0501', lat: '91', long: 'east', media_url: 'ftp://x/y.jpg', 'attribute[colour]': 'red' });
    const [zh, en] = [errorsOf(bad, 'zh-CN'), errorsOf(bad, 'en')];
    expect(zh.map((e) => [e.field, e.code])).toEqual([['lat', 'too_big'], ['long', 'invalid_type'], ['media_url', 'invalid_format'], ['attribute[colour]', 'unknown_attribute']]);
    expect(en.map((e) => [e.field, e.code])).toEqual(zh.map((e) => [e.field, e.code]));
    expect(zh.map((e) => e.reason)).toEqual(['须在 -90 与 90 之间', '须为数字', '须为 http(s) 链接', '未定义的属性，本服务只定义 request_type']);
    expect(en.map((e) => e.reason)).toEqual(['must be between -90 and 90', 'must be a number', 'must be an http(s) URL', 'unknown attribute; this service defines only request_type']);
  });

  it('answers a service_code the city does not offer with 404', () => {
    expect(() => parseServiceRequestBody({ service_code: '9999', lat: '40', long: '109' })).toThrow(NotFoundException);
  });

  it('treats optional arguments and attributes sent empty as absent, as FixMyStreet sends them', () => {
    const parsed = parseServiceRequestBody({ ...form, 'attribute[request_type]': '', 'attribute[anything]': '', address_id: '', media_url: '', phone: ' ' });
    expect(parsed.attributes).toEqual({});
    expect(parsed.media_url).toBeUndefined();
  });

  it('needs a location: lat and long together, or an address; address_id alone is not enough', () => {
    expect(errorsOf(() => parseServiceRequestBody({ service_code: '0501' }))).toEqual([{ field: 'lat', code: 'custom', reason: expect.stringContaining('location is required') }]);
    expect(errorsOf(() => parseServiceRequestBody({ service_code: '0501', lat: '40' }))).toEqual([{ field: 'long', code: 'custom', reason: expect.stringContaining('together') }]);
    expect(errorsOf(() => parseServiceRequestBody({ service_code: '0501', address_id: '545483' }))[0].reason).toContain('address_id is not supported');
    expect(errorsOf(() => parseServiceRequestBody({}))).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'service_code', reason: 'required' })]));
  });

  it('checks a request type against the service definition', () => {
    // 0501 停水 takes complaint and help, not a suggestion
    const [error] = errorsOf(() => parseServiceRequestBody({ ...form, 'attribute[request_type]': 'suggestion' }));
    expect(error.field).toBe('attribute[request_type]');
    expect(error.reason).toContain('complaint');
  });

  it('collects attribute[code] and attribute[code][] fields', () => {
    expect(collectAttributes({ 'attribute[a]': '1', 'attribute[b][]': ['x', 'y'], attributes: 'no', attribute: { c: '3' } })).toEqual({ a: '1', b: ['x', 'y'], c: '3' });
  });
});

describe('W3C datetimes', () => {
  it('reads every form of the W3C note, to the minute included, with Z or an offset', () => {
    expect(parseW3cDateTime('2026-12-07T11:27+08:00')).toEqual(new Date('2026-12-07T03:27:00Z'));
    expect(parseW3cDateTime('2026-12-07T11:27:30.5Z')).toEqual(new Date('2026-12-07T11:27:30.500Z'));
    expect(parseW3cDateTime('2026-12-07T11:27:30-05:00')).toEqual(new Date('2026-12-07T16:27:30Z'));
    expect(parseW3cDateTime('2026-12-07')).toEqual(new Date('2026-12-06T16:00:00Z'));
    expect(parseW3cDateTime('2026-12')).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(parseW3cDateTime('2026')).toEqual(new Date('2025-12-31T16:00:00Z'));
    // an unencoded + in a query string arrives as a space
    expect(parseW3cDateTime('2026-12-07T11:27 08:00')).toEqual(new Date('2026-12-07T03:27:00Z'));
  });

  it('refuses a time without a zone and a day that does not exist', () => {
    expect(parseW3cDateTime('2026-12-07T11:27')).toBeUndefined();
    expect(parseW3cDateTime('2026-02-30')).toBeUndefined();
    expect(parseW3cDateTime('yesterday')).toBeUndefined();
  });
});

describe('GET requests filters', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const days = (n: number) => n * 24 * 60 * 60 * 1000;

  it('defaults to the last 90 days, every service and status', () => {
    expect(parseServiceRequestFilters({}, now)).toEqual({ start: new Date(now.getTime() - days(90)), end: now, serviceCodes: undefined, statuses: undefined });
  });

  it('lets service_request_id override everything else, comma-separated', () => {
    expect(parseServiceRequestFilters({ service_request_id: '20261128-000001, 20261128-000002', status: 'bogus', start_date: 'x' }, now)).toEqual({
      ids: ['20261128-000001', '20261128-000002'],
    });
    const many = Array.from({ length: MAX_RESULTS + 5 }, (_, i) => `20261128-${String(i).padStart(6, '0')}`).join(',');
    expect((parseServiceRequestFilters({ service_request_id: many }, now) as { ids: string[] }).ids).toHaveLength(MAX_RESULTS);
  });

  it('reads service codes and statuses as comma lists, and W3C dates with their zone', () => {
    expect(parseServiceRequestFilters({ service_code: '0501,0101', status: 'open,closed', start_date: '2026-11-01T00:00:00+08:00', end_date: '2026-11-20T00:00:00Z' }, now)).toEqual({
      serviceCodes: ['0501', '0101'],
      statuses: ['open', 'closed'],
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-20T00:00:00Z'),
    });
    // a bare date is midnight China time; a start alone reads up to now, however far back (the 90 days bound a range given by both ends)
    expect(parseServiceRequestFilters({ start_date: '2026-11-01' }, now)).toMatchObject({ start: new Date('2026-10-31T16:00:00Z'), end: now });
    expect(parseServiceRequestFilters({ start_date: new Date(now.getTime() - days(100)).toISOString() }, now)).toMatchObject({ end: now });
    expect(parseServiceRequestFilters({ start_date: '', end_date: '', status: '', service_code: '' }, now)).toEqual({ start: new Date(now.getTime() - days(90)), end: now, serviceCodes: undefined, statuses: undefined });
  });

  it('refuses unknown codes and statuses, zone-less or reversed dates and windows over 90 days', () => {
    expect(errorsOf(() => parseServiceRequestFilters({ service_code: '0501,9999', status: 'pending' }, now))).toEqual([
      { field: 'service_code', code: 'unknown_service_code', reason: 'unknown service_code "9999"' },
      { field: 'status', code: 'invalid_value', params: { values: ['open', 'closed'] }, reason: '"pending" must be open or closed' },
    ]);
    expect(errorsOf(() => parseServiceRequestFilters({ start_date: '2026-11-01T08:00:00' }, now))[0]).toMatchObject({ field: 'start_date' });
    expect(errorsOf(() => parseServiceRequestFilters({ start_date: '2026-11-20', end_date: '2026-11-01' }, now))[0]).toMatchObject({ field: 'start_date' });
    expect(errorsOf(() => parseServiceRequestFilters({ start_date: '2026-01-01', end_date: '2026-11-01' }, now))[0]).toMatchObject({ field: 'end_date' });
  });
});
