import { BadRequestException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { type FieldError, InvalidInput, parseRequestInput } from '@civicflow/platform';
import { REQUEST_TYPE_ATTRIBUTE, requestTypesOf } from './open311-services';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** The spec's optional arguments: sent empty (FixMyStreet sends every field it knows) is the same as not sent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
// type and length reasons come from the issue codes (libs/platform field-reasons), in the caller's language
const text = (max: number) => optional(z.string().trim().max(max));
const coordinate = (limit: number) => {
  const range = says(`须在 -${limit} 与 ${limit} 之间`, `must be between -${limit} and ${limit}`);
  return optional(z.coerce.number().min(-limit, range).max(limit, range));
};

/** POST requests.{format}, form-encoded as the spec says (or multipart, or JSON with the same names). api_key is checked before. */
export const serviceRequestBodySchema = z
  .object({
    api_key: z.unknown().optional(),
    jurisdiction_id: text(100),
    service_code: z.string({ error: says('必填', 'required') }).trim().min(1, says('必填', 'required')),
    lat: coordinate(90),
    long: coordinate(180),
    address_string: text(500),
    address_id: text(100),
    description: text(4000),
    media_url: optional(z.url({ protocol: /^https?$/, error: says('须为 http(s) 链接', 'must be an http(s) URL') }).max(2000)),
    // who reports: used only to derive a pseudonym, never stored
    email: text(254),
    device_id: text(200),
    account_id: text(200),
    first_name: text(100),
    last_name: text(100),
    phone: text(40),
  })
  .superRefine((request, ctx) => {
    if ((request.lat === undefined) !== (request.long === undefined)) {
      ctx.addIssue({ code: 'custom', path: [request.lat === undefined ? 'lat' : 'long'], message: says('lat 与 long 须同时提供', 'lat and long go together') });
    } else if (request.lat === undefined && request.address_string === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: request.address_id
          ? says('不支持 address_id，请提供 lat/long 或 address_string', 'address_id is not supported here; send lat and long, or address_string')
          : says('须提供位置：lat 与 long，或 address_string', 'a location is required: lat and long, or address_string'),
      });
    }
  });

export type ServiceRequestBody = z.infer<typeof serviceRequestBodySchema>;

export interface ParsedServiceRequest extends ServiceRequestBody {
  /** attribute[code] values, checked against the service definition. */
  attributes: Record<string, string>;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * Open311 attributes arrive as `attribute[code]=value` form fields (`attribute[code][]` for lists), or as an
 * `attribute` object in JSON.
 */
export function collectAttributes(body: Record<string, unknown>): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) Object.assign(attributes, nested);
  for (const [key, value] of Object.entries(body)) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (match) attributes[match[1]] = value;
  }
  return attributes;
}

/** 400 naming each bad field (reasons written with `says`), in the caller's language. */
export function badRequest(errors: FieldError[], issues: z.core.$ZodIssue[] = []): BadRequestException {
  return InvalidInput.of(issues, errors);
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Validates a POST body: 404 for a service_code the city does not offer (the spec's answer), else 400 listing every
 * problem by field. An attribute sent empty is absent, like any optional argument; a non-empty one the service
 * does not define is refused.
 */
export function parseServiceRequestBody(body: unknown): ParsedServiceRequest {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const serviceCode = typeof raw.service_code === 'string' ? raw.service_code.trim() : '';
  const requestTypes = serviceCode ? requestTypesOf(serviceCode) : undefined;
  if (serviceCode && !requestTypes) throw new NotFoundException({ message: `未知的服务代码 unknown service_code "${serviceCode}"` });
  const parsed = parseRequestInput(serviceRequestBodySchema, raw);
  const errors: FieldError[] = [];
  const attributes: Record<string, string> = {};
  for (const [code, value] of Object.entries(collectAttributes(raw))) {
    const field = `attribute[${code}]`;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => !isBlank(v));
    if (values.length === 0) continue;
    if (code !== REQUEST_TYPE_ATTRIBUTE) {
      errors.push({ field, code: 'unknown_attribute', reason: says(`未定义的属性，本服务只定义 ${REQUEST_TYPE_ATTRIBUTE}`, `unknown attribute; this service defines only ${REQUEST_TYPE_ATTRIBUTE}`) });
    } else if (values.length > 1 || typeof values[0] !== 'string') {
      errors.push({ field, code: 'not_single_value', reason: says('须为单个值', 'must be a single value') });
    } else if (requestTypes && !requestTypes.includes(values[0].trim() as never)) {
      errors.push({ field, code: 'invalid_value', reason: says(`"${values[0]}" 不在可选值中：${requestTypes.join('、')}`, `"${values[0]}" is not one of ${requestTypes.join(', ')}`) });
    } else {
      attributes[code] = values[0].trim();
    }
  }
  if (errors.length > 0 || !parsed.success) throw badRequest(errors, parsed.error?.issues);
  return { ...parsed.data, attributes };
}

// ---------------------------------------------------------------------------------------------- GET requests filters

export type Open311Status = 'open' | 'closed';

export type ServiceRequestFilters =
  /** service_request_id given: the spec lets it override all other arguments. */
  | { ids: string[] }
  | { serviceCodes?: string[]; start: Date; end: Date; statuses?: Open311Status[] };

/** The spec's default window, and the widest a range given by both ends may span. */
export const MAX_WINDOW_DAYS = 90;
/** The spec's cap on one answer. */
export const MAX_RESULTS = 1000;

export const DAY_MS = 24 * 60 * 60 * 1000;

export const commaList = (value: unknown): string[] | undefined => {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  return parts.length > 0 ? parts : undefined;
};

/**
 * The W3C note's datetime forms (www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD, and with a time to the
 * minute, second or fraction, which carries its zone (Z or ±hh:mm). A `+` sent unencoded in a query string
 * arrives as a space; it is read as the `+` it was.
 */
const W3C_DATETIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?)?)?$/;

/** A W3C datetime as an instant; a date without a time is the start of that day (month, year) in China time. */
export function parseW3cDateTime(value: string): Date | undefined {
  const match = W3C_DATETIME.exec(value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour, minute, second = '00', fraction = '', zone] = match;
  const offset = zone === undefined ? '+08:00' : zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${year}-${month}-${day}T${hour ?? '00'}:${minute ?? '00'}:${second}${fraction}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2026-02-30 over into March: a day that does not exist is refused instead
  const calendarDay = new Date(`${year}-${month}-01T00:00:00Z`);
  calendarDay.setUTCDate(Number(day));
  return calendarDay.getUTCMonth() + 1 === Number(month) ? date : undefined;
}

function parseW3cDate(value: unknown, field: string, errors: FieldError[]): Date | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') {
    errors.push({ field, code: 'not_single_value', reason: says('须为单个值', 'must be given once') });
    return undefined;
  }
  const date = parseW3cDateTime(value);
  if (!date) errors.push({ field, code: 'invalid_format', params: { format: 'w3c_datetime' }, reason: says(`须为带时区的 W3C 时间，如 2026-11-28T08:00+08:00，或一个日期（收到 "${value.trim()}"）`, `must be a W3C datetime with its zone, e.g. 2026-11-28T08:00+08:00, or a date (got "${value.trim()}")`) });
  return date;
}

/** start_date and end_date of a feed (the updates): both optional, each a W3C datetime. */
export function parseDateRange(query: Record<string, unknown>): { start?: Date; end?: Date } {
  const errors: FieldError[] = [];
  const start = parseW3cDate(query.start_date, 'start_date', errors);
  const end = parseW3cDate(query.end_date, 'end_date', errors);
  if (start && end && start > end) errors.push({ field: 'start_date', code: 'start_after_end', reason: says('start_date 晚于 end_date', 'start_date is after end_date') });
  if (errors.length > 0) throw badRequest(errors);
  return { start, end };
}

/** GET requests.{format} query → filters, or 400 naming each bad parameter. */
export function parseServiceRequestFilters(query: Record<string, unknown>, now = new Date()): ServiceRequestFilters {
  const ids = commaList(query.service_request_id);
  if (ids) return { ids: ids.slice(0, MAX_RESULTS) };
  const errors: FieldError[] = [];
  const serviceCodes = commaList(query.service_code);
  for (const code of serviceCodes ?? []) {
    if (!requestTypesOf(code)) errors.push({ field: 'service_code', code: 'unknown_service_code', reason: says(`未知的服务代码 "${code}"`, `unknown service_code "${code}"`) });
  }
  const statuses = commaList(query.status)?.map((s) => s.toLowerCase());
  for (const status of statuses ?? []) {
    if (status !== 'open' && status !== 'closed') errors.push({ field: 'status', code: 'invalid_value', params: { values: ['open', 'closed'] }, reason: says(`"${status}" 须为 open 或 closed`, `"${status}" must be open or closed`) });
  }
  const startGiven = parseW3cDate(query.start_date, 'start_date', errors);
  const endGiven = parseW3cDate(query.end_date, 'end_date', errors);
  // the spec bounds a range given by both ends to 90 days and defaults to the last 90; a start alone reads up to now
  const end = endGiven ?? now;
  const start = startGiven ?? new Date(end.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  if (startGiven && endGiven && start > end) errors.push({ field: 'start_date', code: 'start_after_end', reason: says('start_date 晚于 end_date', 'start_date is after end_date') });
  if (startGiven && endGiven && end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    errors.push({ field: 'end_date', code: 'range_too_long', params: { maximum: MAX_WINDOW_DAYS }, reason: says(`时间范围不得超过 ${MAX_WINDOW_DAYS} 天`, `the range may not span more than ${MAX_WINDOW_DAYS} days`) });
  }
  if (errors.length > 0) throw badRequest(errors);
  return { serviceCodes, start, end, statuses: statuses as Open311Status[] | undefined };
}
