import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '@civicflow/platform';
import { relayAnswer, UpstreamClient } from '../upstream/upstream-client';
import { toCsv } from './csv';
import { casesTable, ExportTable, SummaryBody, summaryTable } from './export-table';
import { toXlsx } from './xlsx';

const format = z.enum(['csv', 'xlsx']).default('csv');
const period = { from: z.string().min(1).optional(), to: z.string().min(1).optional() };

class ExportStatisticsQuery extends createZodDto(z.object({
  ...period, groupBy: z.enum(['district', 'street', 'community', 'department', 'category']).default('street'), format,
})) {}

class ExportCasesQuery extends createZodDto(z.object({
  ...period, groupBy: z.enum(['district', 'street', 'community', 'department', 'category']).optional(), key: z.string().min(1).max(100).optional(),
  metric: z.string().min(1).max(40).optional(), format,
})) {}

/** Pages of the drill-down read for one export, and the most rows a file gets. */
const PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 10_000;

/**
 * 导出: the statistics summary and drill-down lists as CSV (UTF-8 with BOM, Chinese headers) or Excel, read from
 * casework's statistics API with the caller's token — the same figures, jurisdiction and errors as on screen.
 */
@ApiTags('export 导出')
@ApiBearerAuth()
@Controller('api/export')
export class ExportHttpController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Public() // casework checks the token (Authorization header) and role, and answers the 401/403 relayed here
  @Get('statistics')
  @ApiOperation({ summary: 'The summary of GET /api/casework/statistics/summary as a file (total first, then each group)' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async statistics(@Query() query: ExportStatisticsQuery, @Headers('authorization') authorization: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined, @Res() res: Response): Promise<void> {
    const search = params({ from: query.from, to: query.to, groupBy: query.groupBy });
    const answer = await this.upstream.request('casework', `/api/v1/statistics/summary?${search}`, { authorization, acceptLanguage });
    if (!answer || answer.status !== 200) return relayAnswer(res, 'casework', answer, acceptLanguage);
    const summary = JSON.parse(answer.body.toString('utf8')) as SummaryBody;
    await send(res, summaryTable(summary, query.groupBy), query.format, `statistics-${query.groupBy}-${day(summary.period.from)}-${day(summary.period.to, true)}`);
  }

  @Public()
  @Get('cases')
  @ApiOperation({ summary: `The cases behind a figure (GET /api/casework/statistics/cases, every page, at most ${MAX_EXPORT_ROWS} rows) as a file` })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async cases(@Query() query: ExportCasesQuery, @Headers('authorization') authorization: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined, @Res() res: Response): Promise<void> {
    const items: Record<string, unknown>[] = [];
    let period = { from: '', to: '' };
    for (let page = 1; items.length < MAX_EXPORT_ROWS; page++) {
      const search = params({ from: query.from, to: query.to, groupBy: query.groupBy, key: query.key, metric: query.metric, page: String(page), pageSize: String(PAGE_SIZE) });
      const answer = await this.upstream.request('casework', `/api/v1/statistics/cases?${search}`, { authorization, acceptLanguage });
      if (!answer || answer.status !== 200) return relayAnswer(res, 'casework', answer, acceptLanguage);
      const body = JSON.parse(answer.body.toString('utf8')) as { items: Record<string, unknown>[]; total: number; period?: { from: string; to: string } };
      period = body.period ?? period;
      items.push(...body.items);
      if (body.items.length < PAGE_SIZE || items.length >= body.total) break;
    }
    const name = ['cases', query.groupBy, query.key, query.metric, day(period.from), day(period.to, true)].filter(Boolean).join('-');
    await send(res, casesTable(items.slice(0, MAX_EXPORT_ROWS)), query.format, name);
  }
}

function params(values: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined)).toString();
}

/** YYYYMMDD in China time; an exclusive end is shown as the last day it covers. */
function day(iso: string, exclusiveEnd = false): string {
  return iso ? new Date(Date.parse(iso) + 8 * 3_600_000 - (exclusiveEnd ? 1 : 0)).toISOString().slice(0, 10).replaceAll('-', '') : '';
}

async function send(res: Response, table: ExportTable, format: 'csv' | 'xlsx', baseName: string): Promise<void> {
  const safeName = baseName.replace(/[^A-Za-z0-9._-]+/g, '_');
  const zhName = encodeURIComponent(`${table.title}-${baseName}.${format}`);
  res.setHeader('content-disposition', `attachment; filename="${safeName}.${format}"; filename*=UTF-8''${zhName}`);
  res.setHeader('cache-control', 'no-store');
  if (format === 'csv') {
    res.status(200).type('text/csv; charset=utf-8').send(Buffer.from(toCsv(table), 'utf8'));
    return;
  }
  res.status(200).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
}
