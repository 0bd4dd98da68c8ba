import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { REQUEST_TYPE_ATTRIBUTE, requestTypesOf } from './open311-services';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const text = (max: number) => optional(z.string().trim().max(max));

/** POST requests.{format}, form-encoded as the spec says, or JSON with the same names. api_key is checked before. */
export const serviceRequestBodySchema = z
  .object({
    api_key: z.string().optional(),
    jurisdiction_id: text(100),
    service_code: z.string({ error: '必填 required' }).trim().min(1, '必填 required'),
    lat: optional(z.coerce.number().min(-90).max(90)),
    long: optional(z.coerce.number().min(-180).max(180)),
    address_string: text(500),
    address_id: text(100),
    description: text(4000),
    media_url: optional(z.url({ protocol: /^https?$/, error: '须为 http(s) 链接 must be an http(s) URL' }).max(2000)),
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
      ctx.addIssue({ code: 'custom', path: [request.lat === undefined ? 'lat' : 'long'], message: 'lat 与 long 须同时提供 lat and long go together' });
    } else if (request.lat === undefined && request.address_string === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lat'],
        message: request.address_id
          ? '不支持 address_id,请提供 lat/long 或 address_string address_id is not supported here; send lat and long, or address_string'
          : '须提供位置 a location is required: lat and long, or address_string',
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

function badRequest(errors: { field: string; reason: string }[]): BadRequestException {
  return new BadRequestException({ message: '请求参数无效 invalid request', errors });
}

/** Validates a POST body: 400 listing every problem by field, as Open311 errors. */
export function parseServiceRequestBody(body: unknown): ParsedServiceRequest {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const parsed = serviceRequestBodySchema.safeParse(raw);
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', reason: i.message }));
  const attributes: Record<string, string> = {};
  const serviceCode = typeof raw.service_code === 'string' ? raw.service_code.trim() : '';
  const requestTypes = serviceCode ? requestTypesOf(serviceCode) : undefined;
  if (serviceCode && !requestTypes) errors.push({ field: 'service_code', reason: `未知的服务代码 unknown service_code "${serviceCode}"` });
  for (const [code, value] of Object.entries(collectAttributes(raw))) {
    const field = `attribute[${code}]`;
    if (code !== REQUEST_TYPE_ATTRIBUTE) {
      errors.push({ field, reason: `未知的属性 unknown attribute; this service defines only ${REQUEST_TYPE_ATTRIBUTE}` });
    } else if (typeof value !== 'string') {
      errors.push({ field, reason: '须为单个值 must be a single value' });
    } else if (requestTypes && !requestTypes.includes(value as never)) {
      errors.push({ field, reason: `"${value}" 不在可选值中 is not one of ${requestTypes.join(', ')}` });
    } else if (value.trim() !== '') {
      attributes[code] = value;
    }
  }
  if (errors.length > 0 || !parsed.success) throw badRequest(errors);
  return { ...parsed.data, attributes };
}

// ---------------------------------------------------------------------------------------------- GET requests filters

export type Open311Status = 'open' | 'closed';

export type ServiceRequestFilters =
  /** service_request_id given: the spec lets it override all other arguments. */
  | { ids: string[] }
  | { serviceCodes?: string[]; start: Date; end: Date; statuses?: Open311Status[] };

/** The spec's default window, and the widest a query may ask for. */
export const MAX_WINDOW_DAYS = 90;
/** The spec's cap on one answer. */
export const MAX_RESULTS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const W3C_DATE = /^\d{4}-\d{2}-\d{2}$/;

const commaList = (value: unknown): string[] | undefined => {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  return parts.length > 0 ? parts : undefined;
};

/** W3C datetime with a time zone (or a bare date, read as midnight China time). */
function parseW3cDate(value: unknown, field: string, errors: { field: string; reason: string }[]): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    errors.push({ field, reason: '须为单个值 must be given once' });
    return undefined;
  }
  const text = value.trim();
  const iso = W3C_DATE.test(text) ? `${text}T00:00:00+08:00` : text;
  const ok = z.iso.datetime({ offset: true }).safeParse(iso).success;
  const date = new Date(iso);
  if (!ok || Number.isNaN(date.getTime())) {
    errors.push({ field, reason: `须为带时区的 W3C 时间 must be a W3C datetime with a time zone, e.g. 2026-11-28T08:00:00+08:00 (got "${text}")` });
    return undefined;
  }
  return date;
}

/** GET requests.{format} query → filters, or 400 naming each bad parameter. */
export function parseServiceRequestFilters(query: Record<string, unknown>, now = new Date()): ServiceRequestFilters {
  const ids = commaList(query.service_request_id);
  if (ids) return { ids: ids.slice(0, MAX_RESULTS) };
  const errors: { field: string; reason: string }[] = [];
  const serviceCodes = commaList(query.service_code);
  for (const code of serviceCodes ?? []) {
    if (!requestTypesOf(code)) errors.push({ field: 'service_code', reason: `未知的服务代码 unknown service_code "${code}"` });
  }
  const statuses = commaList(query.status);
  for (const status of statuses ?? []) {
    if (status !== 'open' && status !== 'closed') errors.push({ field: 'status', reason: `"${status}" 须为 open 或 closed must be open or closed` });
  }
  const startGiven = parseW3cDate(query.start_date, 'start_date', errors);
  const endGiven = parseW3cDate(query.end_date, 'end_date', errors);
  const end = endGiven ?? (startGiven ? new Date(Math.min(now.getTime(), startGiven.getTime() + MAX_WINDOW_DAYS * DAY_MS)) : now);
  const start = startGiven ?? new Date(end.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  if (startGiven && endGiven && start > end) errors.push({ field: 'start_date', reason: 'start_date 晚于 end_date start_date is after end_date' });
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    errors.push({ field: 'end_date', reason: `时间范围不得超过 ${MAX_WINDOW_DAYS} 天 the range may not span more than ${MAX_WINDOW_DAYS} days` });
  }
  if (errors.length > 0) throw badRequest(errors);
  return { serviceCodes, start, end, statuses: statuses as Open311Status[] | undefined };
}
