import { z } from 'zod';

/** 诉求类型: 咨询 inquiry, 建议 suggestion, 举报 tip-off, 投诉 complaint, 求助 help. */
export const requestTypeSchema = z.enum(['inquiry', 'suggestion', 'tip-off', 'complaint', 'help']);
export type RequestType = z.infer<typeof requestTypeSchema>;

/** 紧急程度. Urgent safety hazards run on natural time, the rest on working time. */
export const urgencySchema = z.enum(['urgent', 'high', 'normal', 'low']);
export type Urgency = z.infer<typeof urgencySchema>;

/** WGS-84 point. */
export const geoPointSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** 案件编号: date + sequence, e.g. 20261128-000042. */
export const caseNumberSchema = z.string().regex(/^\d{8}-\d{6}$/, 'case number must be YYYYMMDD-NNNNNN');

export const channelSchema = z.enum(['hotline', 'app', 'patrol', 'open311']);
export type Channel = z.infer<typeof channelSchema>;

/** Who uses CivicFlow (see the README). `admin` maintains calendars, taxonomy and users. */
export const roleSchema = z.enum([
  'operator', // 话务员
  'dispatcher', // 派单员
  'grid-worker', // 网格员
  'community-handler', // 社区工作人员
  'mediator', // 调解员
  'street-coordinator', // 街道
  'department-liaison', // 部门联络员
  'supervisor', // 督查员
  'admin', // 系统管理员
]);
export type Role = z.infer<typeof roleSchema>;

/** Ids of the org units a case belongs to, city first (市 → 区 → 街道 → 社区 → 网格): jurisdiction checks walk this. */
export const orgPathSchema = z.array(z.string().min(1)).max(8);
