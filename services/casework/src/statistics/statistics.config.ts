import { z } from 'zod';
import { clientSecretSchema, serviceTokenUrlSchema } from '@civicflow/platform';

/** Settings of the statistics area (part of casework's config): unit names and grid centroids come from the grid service. */
export const statisticsConfigShape = {
  GRID_URL: z.url().default('http://127.0.0.1:3003'),
  /** Where casework's service identity (`svc-casework`, scope grid.org.read) gets its token for the grid's org tree (unit names). */
  SERVICE_TOKEN_URL: serviceTokenUrlSchema,
  /** The client secret of `svc-casework` (identity knows it too). Required outside native mode. */
  CASEWORK_CLIENT_SECRET: clientSecretSchema('casework'),
  /** How long start-up waits for the grid's org tree (it goes on without: ids stand in for names until it loads). */
  CASEWORK_GRID_WAIT_MS: z.coerce.number().int().min(0).default(5_000),
  /** Users whose unit is the city see every case's figures (supervisors at the city). */
  CASEWORK_CITY_UNIT_ID: z.string().min(1).default('bf'),
  /** The CJK font the monthly 考核 report PDF is set in (.ttc/.ttf/.otf), and its name inside a collection. */
  CASEWORK_REPORT_FONT: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  CASEWORK_REPORT_FONT_FAMILY: z.string().min(1).default('NotoSansCJKsc-Regular'),
  /** false: no daily schedule of the monthly report and no report activities here (supervisors still generate by POST). */
  CASEWORK_MONTHLY_REPORT_SCHEDULE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
};
export type StatisticsConfig = z.infer<z.ZodObject<typeof statisticsConfigShape>>;

export const STATISTICS_CONFIG = Symbol('STATISTICS_CONFIG');
