import { says } from '../shared/said';
import { z } from 'zod';
import { defineEvent, RequestContract } from '../catalog/define-event';
import { geoPointSchema, orgPathSchema } from '../shared/value-schemas';

/** 定位派单 — which grid, community and street own this place? Asked by intake, answered by the grid service. */
export const routeLocationRequestV1 = defineEvent({
  type: 'grid.route-location',
  version: 1,
  kind: 'request',
  description: '定位请求 — find the grid, community and street that own a point or an address',
  schema: z
    .object({
      point: geoPointSchema.optional(),
      address: z.string().min(1).max(500).optional(),
    })
    .refine((q) => q.point !== undefined || q.address !== undefined, { message: says('须提供坐标或地址', 'a point or an address is required') }),
});

export const gridStaffSchema = z.object({
  staffId: z.string().min(1),
  name: z.string().min(1),
  /** 网格长 chief, 网格警 police, 专职网格员 specialist, 兼职 part-timer (楼栋长, 单元长, 党员中心户 …) */
  duty: z.enum(['chief', 'police', 'specialist', 'part-timer']),
  phoneMasked: z.string().optional(),
});

export const routeLocationReplyV1 = defineEvent({
  type: 'grid.location-routed',
  version: 1,
  kind: 'reply',
  description: '定位结果 — the owning grid with its community, street and staff, or no match (manual dispatch queue)',
  schema: z.discriminatedUnion('matched', [
    z.object({
      matched: z.literal(true),
      method: z.enum(['point', 'address']),
      gridId: z.string().min(1),
      gridName: z.string().min(1),
      communityId: z.string().min(1),
      communityName: z.string().min(1),
      streetId: z.string().min(1),
      streetName: z.string().min(1),
      districtId: z.string().min(1),
      orgPath: orgPathSchema,
      staff: z.array(gridStaffSchema),
    }),
    z.object({
      matched: z.literal(false),
      reason: z.enum(['outside-every-grid', 'address-unknown', 'no-location']),
    }),
  ]),
});

export const routeLocation: RequestContract<typeof routeLocationRequestV1, typeof routeLocationReplyV1> = {
  request: routeLocationRequestV1,
  reply: routeLocationReplyV1,
};
