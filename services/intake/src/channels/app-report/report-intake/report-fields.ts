import { z } from 'zod';
import { geoPointSchema, requestTypeSchema, says } from '@civicflow/contracts';

/** Form fields arrive as strings, and an empty input as ''; both mean "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * What every field report carries, the same whether sent as multipart/form-data (with photos) or as JSON. A form
 * sends the point as `location[lng]` and `location[lat]`, which the form parser nests like JSON's `location`.
 */
export const reportFieldsShape = {
  content: z.string().trim().min(1, says('须描述问题', 'must describe what is wrong')).max(4000),
  address: optional(z.string().trim().min(1).max(500)),
  /** WGS-84, as everywhere in CivicFlow; apps on GCJ-02 (Amap, Tencent) or BD-09 (Baidu) maps must convert. */
  location: optional(
    z.object({
      lng: z.preprocess(blankToUndefined, z.coerce.number()),
      lat: z.preprocess(blankToUndefined, z.coerce.number()),
    }).pipe(geoPointSchema),
  ),
  /** 小类 code of the 12345 taxonomy, e.g. 0501; checked against the taxonomy by the use case. */
  categoryCode: optional(z.string().trim().regex(/^\d{4}$/, says('须为四位小类代码，如 0501', 'must be a four-digit minor category code, e.g. 0501'))),
  requestType: optional(requestTypeSchema),
  /**
   * The client's own id for this report (e.g. a UUID made when the resident pressed send). Sending the same id again
   * — a retry after a lost answer — finds the same report and case instead of making a second one.
   */
  reportId: optional(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, says('须为 8–64 个字符，仅限 A–Z a–z 0–9 _ -', 'must be 8–64 characters of A–Z a–z 0–9 _ -'))),
};

export function requireAPlace<T extends { address?: string; location?: unknown }>(report: T, ctx: z.core.$RefinementCtx<T>): void {
  if (report.address === undefined && report.location === undefined) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: says('须提供位置（location[lng]、location[lat]）或地址', 'a location (location[lng], location[lat]) or an address is required') });
  }
}

export type ReportFields = z.infer<z.ZodObject<typeof reportFieldsShape>>;
