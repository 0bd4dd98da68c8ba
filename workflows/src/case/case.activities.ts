import { caseRegisteredV1 } from '@civicflow/contracts';
import {
  type BusinessCalendar,
  type CalendarOverrideTable,
  createBusinessCalendar,
  DEFAULT_SLA_PROFILES,
  type OfficeHoursConfig,
  type Priority,
  resolveSlaWindows,
  type SlaProfileTable,
  type SlaThresholds,
  type SlaWindows,
  UnknownSlaProfile,
} from '@civicflow/domain';
import type { EventPublisher } from '@civicflow/platform';
import { type ClockReadingResult, type ClockToRead, readClocks } from '../sla/clock-readings';
import type { CaseWorkflowInput } from './case.contract';
import type { CaseEventDraft } from './case-events';
import { publishEventDrafts } from '../shared/publish-event-drafts';

/**
 * The business calendar's changeable data at one moment: the administrator's override table (official
 * arrangements of new years, corrections, local days off) and its version (grid's calendar version; 0 for
 * sources without versions, such as the file).
 */
export interface CalendarData {
  readonly version: number;
  readonly table: CalendarOverrideTable;
}

/**
 * Where the business calendar's changeable data comes from. The holiday package and the law are code; the
 * administrator's entries are data that change while cases run, so they are read here, in an activity, every
 * time deadlines are computed.
 */
export interface CalendarSource {
  /**
   * The current data. With `minVersion`, at least that version: a recompute signal names the version that
   * caused it, and a cached source older than that must fetch again (or fail, so the workflow retries).
   */
  read(minVersion?: number): CalendarData | Promise<CalendarData>;
  /** Office hours of the jurisdiction a unit belongs to; undefined for the default hours. */
  officeHoursFor?(unitId: string): OfficeHoursConfig | undefined;
}

export interface CaseActivityDeps {
  publisher: Pick<EventPublisher, 'publish' | 'publishAll' | 'build'>;
  /** Defaults to the package's holiday data only (no overrides) and default office hours. */
  calendar?: CalendarSource;
  /** SLA profiles by id; defaults to the domain's DEFAULT_SLA_PROFILES. */
  slaProfiles?: SlaProfileTable;
}

export interface ResolvedSla {
  windows: SlaWindows;
  /** Set when the requested profile was unknown and 'standard' was used instead. */
  unknownProfile?: string;
}

const NO_OVERRIDES: CalendarSource = { read: () => ({ version: 0, table: {} }) };

/**
 * Activities of the case workflow, built from their dependencies so tests can wire real or fake ones.
 *
 * Why deadlines are computed in a LOCAL activity rather than in workflow code: the calendar arithmetic is
 * pure, but the override table is I/O and, unlike the SLA windows (policy, fixed when the case starts), it is a
 * fact about the world that must reach running cases — the 2027 schedule entered in December has to move
 * the deadlines of a case opened in November. A local activity reads the current table each time and its
 * result is recorded in the history (a marker), so replay stays deterministic, and it costs no extra
 * workflow task. Passing a snapshot in the input would freeze the table for the life of the case.
 */
export function createCaseActivities({ publisher, calendar = NO_OVERRIDES, slaProfiles = DEFAULT_SLA_PROFILES }: CaseActivityDeps) {
  let cached: { version: number; tableJson: string; calendars: Map<string, BusinessCalendar> } | undefined;

  async function calendarsFor(minVersion?: number): Promise<{ version: number; calendarFor: (unitId: string | undefined) => BusinessCalendar }> {
    const { version, table } = await calendar.read(minVersion);
    if (minVersion !== undefined && version < minVersion) throw new Error(`the calendar source answered version ${version}, older than ${minVersion}`);
    const tableJson = JSON.stringify(table);
    if (cached?.version !== version || cached.tableJson !== tableJson) cached = { version, tableJson, calendars: new Map() };
    const calendars = cached.calendars;
    return {
      version,
      calendarFor: (unitId) => {
        const officeHours = unitId ? calendar.officeHoursFor?.(unitId) : undefined;
        const cacheKey = officeHours ? JSON.stringify(officeHours) : 'default';
        let found = calendars.get(cacheKey);
        if (!found) {
          found = createBusinessCalendar({ overrides: table, ...(officeHours ? { officeHours } : {}) });
          calendars.set(cacheKey, found);
        }
        return found;
      },
    };
  }

  return {
    /** The walking skeleton's only activity; kept for histories started before the ladder (patch 'case-ladder'). */
    async publishCaseRegistered(input: CaseWorkflowInput): Promise<string> {
      const event = await publisher.publish(caseRegisteredV1, {
        id: `${input.caseNumber}:registered`,
        key: input.caseNumber,
        correlationId: input.correlationId,
        traceparent: input.traceparent,
        data: {
          caseNumber: input.caseNumber,
          channel: input.channel,
          sourceRef: input.sourceRef,
          requestType: input.requestType,
          urgency: input.urgency,
          categoryCode: input.categoryCode,
          priority: input.priority,
          intakeStatus: input.intakeStatus,
          orgPath: input.routing?.orgPath,
          registeredAt: input.registeredAt,
        },
      });
      return event.id;
    },

    /**
     * Publishes the events of one or more transitions in one Kafka batch, in order. Ids are deterministic
     * (`<caseNumber>:<sequence>:<type>`), so a retried call never makes a second event downstream (consumers
     * skip ids they have processed). Every envelope is validated against its contract before sending; one that
     * breaks it is a bug, so the call fails and is retried (with backoff) until a fixed worker publishes it —
     * nothing invalid reaches Kafka and the events keep their order.
     */
    async publishCaseEvents(drafts: CaseEventDraft[]): Promise<number> {
      return publishEventDrafts(publisher, drafts);
    },

    /** Local: the case's SLA windows, fixed when it starts (later profile changes never touch it). */
    async resolveCaseSla(request: { profileId: string; priority: Priority }): Promise<ResolvedSla> {
      try {
        return { windows: resolveSlaWindows(request.profileId, request.priority, slaProfiles) };
      } catch (error) {
        if (!(error instanceof UnknownSlaProfile)) throw error;
        return { windows: resolveSlaWindows('standard', request.priority, slaProfiles), unknownProfile: request.profileId };
      }
    },

    /**
     * Local: deadlines, warning instants and status of each clock at `now`, with today's calendar data (at least
     * `minCalendarVersion` when a recompute asks for it). Each reading names the calendar version it used.
     */
    async readCaseClocks(request: { clocks: ClockToRead[]; now: number; thresholds: SlaThresholds; minCalendarVersion?: number }): Promise<ClockReadingResult[]> {
      const { version, calendarFor } = await calendarsFor(request.minCalendarVersion);
      return readClocks(calendarFor, request.clocks, request.now, request.thresholds).map((reading) => ({ ...reading, calendarVersion: version }));
    },

    /**
     * Local: the first working day (YYYY-MM-DD) of a month under today's calendar (调休 included), for the monthly
     * report's schedule; the city's default office hours (a whole day counts, not its hours).
     */
    async firstWorkingDayOfMonth(request: { month: string }): Promise<string> {
      const { calendarFor } = await calendarsFor();
      const calendar = calendarFor(undefined);
      for (let date = 1; date <= 31; date++) {
        const day = `${request.month}-${String(date).padStart(2, '0')}`;
        if (calendar.isWorkingDay(day)) return day;
      }
      throw new Error(`no working day in ${request.month}`);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
