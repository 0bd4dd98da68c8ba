import { XMLBuilder } from 'fast-xml-parser';

/** GeoReport v2 picks the format by the resource's extension: `/services.xml`, `/services.json`. */
export type Open311Format = 'xml' | 'json';

export const OPEN311_CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * In JSON a list is an array; in XML it is an element holding one child per item, named as the spec names them
 * (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests_updates: 'request_update',
  webhooks: 'webhook',
  dead_letters: 'dead_letter',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });

// characters XML 1.0 cannot carry at all, even escaped; they have no business in a report anyway
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toXmlValue(name: string, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`Open311 XML: no item element for list "${name}"`);
    return value.length === 0 ? '' : { [item]: value.map((v) => toXmlValue(item, v)) };
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toXmlValue(key, v)]));
  }
  // numbers and booleans print as JSON does: 40.65, true
  return (typeof value === 'string' ? value : JSON.stringify(value)).replace(NOT_XML, '');
}

/** A GeoReport v2 document in the asked format: `root` names the XML root element and, for lists, their items. */
export function renderOpen311(format: Open311Format, root: string, body: unknown): string {
  if (format === 'json') return JSON.stringify(body ?? null);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXmlValue(root, body) })}`;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** `<errors><error><code>…</code><description>…</description></error></errors>`, or `[{ code, description }]`. */
export const renderOpen311Errors = (format: Open311Format, errors: readonly Open311Error[]) => renderOpen311(format, 'errors', errors);

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** W3C datetime in China time, as GeoReport asks (a time zone offset is required): 2026-11-28T20:15:00+08:00. */
export function open311DateTime(at: Date): string {
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
