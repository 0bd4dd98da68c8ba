import { createServer, type Server } from 'node:http';
import { calendarCoverage, createHolidaySchedule } from '@civicflow/domain';
import type { CalendarSource } from '../case/case.activities';
import type { CalendarSourceInfo } from '../calendar/calendar-from-grid';

export interface WorkerHealthParts {
  /** the Temporal worker's state: RUNNING while it polls */
  workerState(): string;
  calendar: CalendarSource & { info?(): CalendarSourceInfo };
  /** CALENDAR_WARNING_DAYS (platform's calendarWarningSettings, the setting grid warns by) */
  warningDays: number;
}

/**
 * The worker's health endpoint (WORKER_HEALTH_PORT): /health/live, /health/ready (503 unless the worker polls) with
 * the business calendar it computes deadlines with — where it comes from, its version, the years with an official
 * arrangement, how far they reach and whether the warning is on (CALENDAR_WARNING_DAYS, as in grid) (/health/calendar, also inside ready).
 */
export function serveWorkerHealth(port: number, host: string, parts: WorkerHealthParts): Promise<Server> {
  const calendarStatus = async () => {
    const info = parts.calendar.info?.() ?? { source: 'package' as const, version: 0, fetchedAt: null };
    try {
      const data = await parts.calendar.read();
      return { ...info, version: data.version, coverage: calendarCoverage(createHolidaySchedule(data.table), Date.now(), parts.warningDays) };
    } catch (error) {
      return { ...info, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return send(405, { message: 'GET only' });
    if (path === '/health/live') return send(200, { status: 'ok' });
    if (path === '/health/calendar') return void calendarStatus().then((calendar) => send('error' in calendar ? 503 : 200, calendar));
    if (path === '/health/ready') {
      return void calendarStatus().then((calendar) => {
        const worker = parts.workerState();
        // the calendar is reported, not required: without it deadlines show a calendar problem, cases still move
        const ok = worker === 'RUNNING';
        send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', worker, calendar });
      });
    }
    send(404, { message: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
