import { z } from 'zod';
import { CHANNELS, PRIORITIES, REQUEST_TYPES, ROLES, SATISFACTIONS } from '@civicflow/domain';
import { says } from './said';

// The words come from the one vocabulary (libs/domain/src/vocabulary); the schemas only check them on the wire.

/** 诉求类型: 咨询 inquiry, 建议 suggestion, 举报 tip-off, 投诉 complaint, 求助 help. */
export const requestTypeSchema = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof requestTypeSchema>;

/** 紧急程度. Urgent safety hazards run on natural time, the rest on working time. */
export const urgencySchema = z.enum(PRIORITIES);
export type Urgency = z.infer<typeof urgencySchema>;

/** WGS-84 point. */
export const geoPointSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** 案件编号: date + sequence, e.g. 20261128-000042. */
export const caseNumberSchema = z.string().regex(/^\d{8}-\d{6}$/, says('案件编号须形如 20261128-000042', 'case number must be YYYYMMDD-NNNNNN'));

/** 12345 hotline, the app (一键报事), a grid worker's patrol (巡查上报), Open311 clients. */
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** Who uses CivicFlow: the roles of the role table (libs/domain/src/vocabulary/roles.ts). `admin` maintains calendars, taxonomy and users. */
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** 满意 satisfied, 基本满意 basically satisfied, 不满意 unsatisfied. */
export const satisfactionSchema = z.enum(SATISFACTIONS);

/** Ids of the org units a case belongs to, city first (市 → 区 → 街道 → 社区 → 网格): jurisdiction checks walk this. */
export const orgPathSchema = z.array(z.string().min(1)).max(8);
