import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { CONFIG, InfraConfig } from '@civicflow/platform';
import {
  MONTHLY_REPORT_RUN_AT, MONTHLY_REPORT_WORKFLOW_TYPE, type MonthlyReportActivities, type MonthlyReportRunInput, monthlyReportScheduleId, monthlyReportTaskQueue,
} from '@civicflow/workflows';
import type { StatisticsConfig } from '../statistics.config';
import { GenerateMonthlyReport } from './generate-monthly-report';

const RESTART_AFTER_MS = 10_000;

/**
 * 月度考核报告的定时生成: at start casework makes sure the daily schedule exists (created once per deployment; a
 * second replica or a restart finds it) and serves the report activity on its own task queue — the scheduled
 * monthlyReportWorkflow (in the case worker) decides the day by the business calendar and has this process
 * generate, since the figures and the report store live here.
 */
@Injectable()
export class MonthlyReportSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MonthlyReportSchedule.name);
  private running?: { worker: Worker; connection: NativeConnection; done: Promise<void> };
  private stopping = false;
  private restart?: NodeJS.Timeout;

  constructor(
    private readonly temporal: Client,
    private readonly generator: GenerateMonthlyReport,
    @Inject(CONFIG) private readonly config: InfraConfig & StatisticsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.CASEWORK_MONTHLY_REPORT_SCHEDULE) return;
    await this.ensureSchedule();
    await this.serveActivities();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    if (!this.running) return;
    const { worker, connection, done } = this.running;
    this.running = undefined;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await done;
    await connection.close();
  }

  private async ensureSchedule(): Promise<void> {
    const input: MonthlyReportRunInput = { reportTaskQueue: monthlyReportTaskQueue(this.config.CASE_TASK_QUEUE) };
    const scheduleId = monthlyReportScheduleId(this.config.CASE_TASK_QUEUE);
    try {
      await this.temporal.schedule.create({
        scheduleId,
        spec: { calendars: [{ hour: MONTHLY_REPORT_RUN_AT.hour, minute: MONTHLY_REPORT_RUN_AT.minute, comment: '每日 08:30 北京时间：由工作流判断是否为本月第一个工作日' }], timezone: MONTHLY_REPORT_RUN_AT.timeZone },
        action: { type: 'startWorkflow', workflowType: MONTHLY_REPORT_WORKFLOW_TYPE, taskQueue: this.config.CASE_TASK_QUEUE, args: [input], workflowExecutionTimeout: '1 day' },
        // a day's run still waiting for casework when the next day comes: the new one is not needed
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      this.logger.log(`月度考核报告定时任务已创建 the monthly report schedule ${scheduleId} was created`);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }

  private async serveActivities(): Promise<void> {
    const activities: MonthlyReportActivities = {
      generateMonthlyReport: async ({ month, generatedBy }) => {
        // the run's workflow id names the writer: a retry of this activity (casework restarted mid-way) tells supervisors
        const generated = await this.generator.execute(month, generatedBy, { writer: Context.current().info.workflowExecution?.workflowId });
        return { month, created: generated.created, announced: generated.announced, policyVersion: generated.policyVersion };
      },
    };
    const connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const worker = await Worker.create({ connection, namespace: this.config.TEMPORAL_NAMESPACE, taskQueue: monthlyReportTaskQueue(this.config.CASE_TASK_QUEUE), activities });
    const done = worker.run().catch(async (error: unknown) => {
      // e.g. Temporal away for longer than the worker waits: a fresh worker in a while, so the month is not missed
      this.logger.error(`月度考核报告活动已停止，稍后重启 the report activities stopped, restarting shortly: ${error instanceof Error ? error.message : String(error)}`);
      await connection.close().catch(() => undefined);
      if (this.running?.worker === worker) this.running = undefined;
      this.restartLater();
    });
    this.running = { worker, connection, done };
  }

  private restartLater(): void {
    if (this.stopping) return;
    this.restart = setTimeout(() => void this.serveActivities().catch(() => this.restartLater()), RESTART_AFTER_MS);
    this.restart.unref();
  }
}
