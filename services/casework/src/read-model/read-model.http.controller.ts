import { Controller, Get, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { answersSummonses } from '@civicflow/domain';
import { AuthUser, CurrentUser, idOfOrderedMember, orderedMember } from '@civicflow/platform';
import { CaseAccess } from '../commands/case-access';
import { caseNotFound } from '../commands/command-errors';
import { CaseReadDoc, departmentDeadline, NO_DEADLINE, SlaState, TimelineDoc } from './case-projection';
import { CASE_READ_MODEL, TIMELINE_MODEL } from './read-model.schema';
import { caseListKey, CaseLists } from './case-lists';

const WORKLIST_LIMIT = 200;

class WorklistQuery extends createZodDto(z.object({ view: z.enum(['open', 'breached', 'awaiting-callback']).default('open') })) {}

/** 时间线与待办: the projection of the case events (eventually consistent with the workflow). */
@ApiTags('case read model 案件视图')
@ApiBearerAuth()
@Controller('api/v1')
export class ReadModelHttpController {
  constructor(
    @InjectModel(CASE_READ_MODEL) private readonly cases: Model<CaseReadDoc>,
    @InjectModel(TIMELINE_MODEL) private readonly timeline: Model<TimelineDoc>,
    private readonly access: CaseAccess,
    private readonly lists: CaseLists,
  ) {}

  @Get('cases/:caseNumber/timeline')
  @ApiOperation({ summary: 'Who did what, when, at which level, with the SLA state each event carried' })
  async caseTimeline(@Param('caseNumber') caseNumber: string, @CurrentUser() user: AuthUser) {
    const found = await this.cases.findById(caseNumber).lean<CaseReadDoc>();
    if (!found) throw caseNotFound(caseNumber);
    this.access.assertMayAct(user, caseNumber, {
      orgPath: [found.streetId, found.communityId, found.currentUnit, ...found.orgPath].filter((u): u is string => !!u),
      departmentIds: found.departments,
    });
    const ids = await this.lists.members(caseListKey.timeline(caseNumber));
    const read = await Promise.all(ids.map((id) => this.timeline.findById(id).lean<TimelineDoc>().exec()));
    const entries = read.filter((e): e is TimelineDoc => !!e).sort((a, b) => a.sequence - b.sequence).slice(0, 1000);
    return {
      caseNumber,
      stage: found.stage,
      level: found.level,
      currentUnit: found.currentUnit,
      entries: entries.map(({ _id, ...entry }) => ({ eventId: _id, ...entry })),
    };
  }

  @Get('worklist')
  @ApiOperation({ summary: 'My unit’s cases: open (nearest deadline first), breached, or awaiting callback (回访); a liaison’s by the department’s own report-in / answer clock' })
  async worklist(@Query() query: WorklistQuery, @CurrentUser() user: AuthUser) {
    if (answersSummonses(user.role) && query.view !== 'awaiting-callback') return this.departmentWorklist(query.view, user);
    const cityWide = user.unitId === this.access.cityUnitId;
    if (!cityWide && query.view !== 'awaiting-callback') {
      const breached = query.view === 'breached';
      // 网格员: the cases of their grid, whichever unit (their community, the street) holds them
      const found = worksInAGrid(user.role)
        ? await this.listed(caseListKey.grid(user.unitId), (c) => c.gridId === user.unitId && (c.open || c.breached))
        : await this.listed(caseListKey.unit(user.unitId), (c) => c.currentUnit === user.unitId && (c.open || c.breached));
      const items = found.filter((c) => (breached ? c.breached : c.open))
        .sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime() || a._id.localeCompare(b._id))
        .slice(0, WORKLIST_LIMIT);
      return { view: query.view, unitId: user.unitId, items: items.map((c) => worklistItem(c, c.sla, new Date(c.deadline))) };
    }
    // the whole city's lists and the callbacks awaited within the user's unit: lists in deadline order, read a page at a time
    const key = query.view === 'awaiting-callback' ? caseListKey.awaitingCallback(cityWide ? 'city' : user.unitId) : query.view === 'breached' ? caseListKey.cityBreached : caseListKey.cityOpen;
    const belongs = (c: CaseReadDoc) => (query.view === 'awaiting-callback' ? c.stage === 'resolved' : query.view === 'breached' ? c.breached : c.open);
    const found = await this.lists.firstInOrder(key, WORKLIST_LIMIT, async (member) => {
      const c = await this.cases.findById(idOfOrderedMember(member)).lean<CaseReadDoc>().exec();
      return c && belongs(c) && orderedMember(c.deadline, c._id) === member ? c : undefined; // a member of the case's deadline before is left behind
    });
    return { view: query.view, unitId: user.unitId, items: found.map((c) => worklistItem(c, c.sla, c.deadline)) };
  }

  /**
   * 部门联络员: the cases the department still owes a report-in or an answer, nearest of its own deadlines first —
   * each item shows the department's clock (the street's is `caseSla`). Breached: the department's own clock ran out.
   */
  private async departmentWorklist(view: 'open' | 'breached', user: AuthUser) {
    const departmentId = user.unitId;
    const found = await this.listed(caseListKey.department(departmentId), (c) => c.pendingDepartments.includes(departmentId));
    const items = found
      .map((c) => ({ c, clock: c.departmentClocks?.[departmentId] ?? null, deadline: departmentDeadline(c, departmentId) }))
      .filter(({ clock }) => view === 'open' || clock?.status === 'breached')
      .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.c._id.localeCompare(b.c._id))
      .slice(0, WORKLIST_LIMIT);
    return { view, unitId: departmentId, items: items.map(({ c, clock, deadline }) => ({ ...worklistItem(c, clock, deadline), breached: clock?.status === 'breached' })) };
  }

  /**
   * The cases of a list, read by number, that still belong to it (`belongs`): a member a crash left behind is skipped,
   * not removed here — a reader's removal could race the projection putting the case back.
   */
  private async listed(key: string, belongs: (c: CaseReadDoc) => boolean): Promise<CaseReadDoc[]> {
    const numbers = await this.lists.members(key);
    const read = await Promise.all(numbers.map((n) => this.cases.findById(n).lean<CaseReadDoc>().exec()));
    return read.filter((c): c is CaseReadDoc => !!c && belongs(c));
  }
}

/** Roles whose unit is a grid: their worklist is their grid's cases (the community holds them). */
function worksInAGrid(role: string): boolean {
  return role === 'grid-worker';
}

/** One worklist line: the case, and the clock that orders it for the reader (the case's own, or a department's). */
function worklistItem(c: CaseReadDoc, sla: SlaState | null, deadline: Date) {
  return {
    caseNumber: c._id, stage: c.stage, level: c.level, currentUnit: c.currentUnit, streetId: c.streetId, communityId: c.communityId, gridId: c.gridId ?? null,
    summary: c.summary ?? null, address: c.address ?? null, location: c.location ?? null, categoryCode: c.categoryCode, priority: c.priority, breached: c.breached, sla, deadline: deadline.getTime() === NO_DEADLINE.getTime() ? null : deadline.toISOString(),
    caseSla: c.sla, pendingDepartments: c.pendingDepartments, updatedAt: c.updatedAt,
  };
}
