import { XMLParser } from 'fast-xml-parser';
import { open311DateTime, renderOpen311, renderOpen311Errors } from './open311.format';

const LISTS = ['service', 'request', 'error', 'attribute', 'value', 'format'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML, checked by the assertions
type Parsed = Record<string, any>;
const parseXml = (xml: string): Parsed => new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) }).parse(xml) as Parsed;

describe('Open311 rendering', () => {
  const requests = [
    { service_request_id: '20261128-000042', status: 'open', description: '路灯 <不亮> & "很黑"', lat: 40.65, long: 109.84, media_url: null },
    { service_request_id: '20261128-000043', status: 'closed', description: 'second', lat: null, long: null, media_url: 'https://example.org/a.jpg' },
  ];

  it('renders a list as a JSON array', () => {
    expect(JSON.parse(renderOpen311('json', 'service_requests', requests))).toEqual(requests);
  });

  it('renders a list as a root element with one child per item, declared as UTF-8', () => {
    const xml = renderOpen311('xml', 'service_requests', requests);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>')).toBe(true);
    expect(xml).toContain('<description>路灯 &lt;不亮&gt; &amp; &quot;很黑&quot;</description>');
    expect(xml).toContain('<media_url/>');
    const parsed = parseXml(xml);
    expect(parsed.service_requests.request).toHaveLength(2);
    expect(parsed.service_requests.request[0]).toMatchObject({ service_request_id: '20261128-000042', status: 'open', description: '路灯 <不亮> & "很黑"', lat: '40.65', long: '109.84' });
    expect(parsed.service_requests.request[1].media_url).toBe('https://example.org/a.jpg');
  });

  it('names nested list items as the spec does', () => {
    const definition = {
      service_code: '0501',
      attributes: [{ variable: true, code: 'request_type', order: 1, values: [{ key: 'complaint', name: '投诉 complaint' }, { key: 'help', name: '求助 help' }] }],
    };
    const parsed = parseXml(renderOpen311('xml', 'service_definition', definition));
    expect(parsed.service_definition.service_code).toBe('0501');
    expect(parsed.service_definition.attributes.attribute[0].variable).toBe('true');
    expect((parsed.service_definition.attributes.attribute[0].values.value as { key: string }[]).map((v) => v.key)).toEqual(['complaint', 'help']);
    const discovery = parseXml(renderOpen311('xml', 'discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] }));
    expect(discovery.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('renders an empty list as an empty root element, and [] in JSON', () => {
    expect(renderOpen311('xml', 'service_requests', [])).toContain('<service_requests/>');
    expect(renderOpen311('json', 'service_requests', [])).toBe('[]');
  });

  it('renders errors as <errors><error> with code and description, or an array of them', () => {
    const errors = [{ code: 403, description: 'api_key 无效 invalid api_key' }];
    expect(JSON.parse(renderOpen311Errors('json', errors))).toEqual(errors);
    expect(parseXml(renderOpen311Errors('xml', errors))).toMatchObject({ errors: { error: [{ code: '403', description: 'api_key 无效 invalid api_key' }] } });
  });

  it('drops characters XML cannot carry instead of producing a document no parser accepts', () => {
    const xml = renderOpen311('xml', 'service_requests', [{ description: 'bell\u0007 and tab\tkept' }]);
    expect(xml).toContain('<description>bell and tab\tkept</description>');
  });

  it('writes times in China time with their offset', () => {
    expect(open311DateTime(new Date('2026-11-28T12:15:00Z'))).toBe('2026-11-28T20:15:00+08:00');
    expect(open311DateTime(new Date('2026-11-28T16:30:05.123Z'))).toBe('2026-11-29T00:30:05+08:00');
  });
});
