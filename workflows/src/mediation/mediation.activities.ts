import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { EventPublisher } from '@civicflow/platform';
import { acceptUpdate, CASE_COMMAND_REJECTED, caseStatusQuery, type CaseView, type CommandActor, resolveUpdate } from '../case/case.contract';
import type { OriginalCaseStep } from './mediation.contract';
import type { MediationEventDraft } from './mediation-helpers';
import { publishEventDrafts } from '../shared/publish-event-drafts';

export interface MediationActivityDeps {
  publisher: Pick<EventPublisher, 'build' | 'publishAll'>;
  /** A Temporal client of the namespace the case workflows run in (the original case's Updates), or how to get one. */
  client: Pick<Client, 'workflow'> | (() => Promise<Pick<Client, 'workflow'>>);
}

export interface AcceptOriginalCaseRequest {
  caseNumber: string;
  mediatorId: string;
  communityId: string;
  /** Temporal deduplicates Updates by id: a retried activity never accepts twice. */
  updateId: string;
}

export interface ResolveOriginalCaseRequest extends AcceptOriginalCaseRequest {
  streetId: string;
  summary: string;
  /**
   * Who ended the dispute (the Update's signed-in user): the case is resolved as this person, in their own role
   * and unit, or not at all. null: the dispute ended by itself (its time limit), with nobody to act as. Absent in
   * workflows started before this field existed: the community's mediator of record.
   */
  requestedBy?: CommandActor | null;
}

/** The units a case lies in now: jurisdiction over it, as far as the mediation's acts on it go. */
const caseUnits = (view: CaseView): string[] => [view.streetId, view.communityId, view.currentUnit].filter((u): u is string => !!u);

const OUTSIDE_JURISDICTION = (unitId: string): CaseRefusal => ({
  code: 'OUTSIDE_JURISDICTION',
  zh: `原案件不在 ${unitId} 的管辖范围内，调解不能代为办理。`,
  en: `The original case lies outside ${unitId}: the mediation cannot act on it.`,
});

const NO_REQUESTER: CaseRefusal = {
  code: 'NO_REQUESTER',
  zh: '纠纷因期限届满自动结束，无人代为办结原案件，由承办单位自行办结。',
  en: 'The dispute ended by its time limit; nobody acts on the original case for it — the unit holding the case resolves it.',
};

/** Stages in which the case no longer takes 办结 (someone resolved or closed it already). */
const DONE_STAGES: readonly CaseView['stage'][] = ['resolved', 'called-back', 'under-review', 'closed', 'merged'];

interface CaseRefusal {
  code: string;
  zh: string;
  en: string;
}

/** The case workflow's refusal (CASE_COMMAND_REJECTED or INVALID_CASE_COMMAND), or undefined for other errors. */
function refusalOf(error: unknown): CaseRefusal | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause as { type?: string; details?: unknown[]; message?: string } | undefined;
  const detail = cause?.details?.[0] as Partial<CaseRefusal> & { field?: string; reason?: string } | undefined;
  if (cause?.type === CASE_COMMAND_REJECTED && detail?.code) return { code: detail.code, zh: detail.zh ?? '', en: detail.en ?? '' };
  return { code: cause?.type ?? 'UPDATE_FAILED', zh: detail?.reason ?? cause?.message ?? '案件拒绝了该操作', en: detail?.reason ?? cause?.message ?? 'the case refused the command' };
}

/**
 * Activities of the mediation workflow, built from their dependencies (a publisher and a Temporal client).
 * Publishing is idempotent through deterministic event ids; the case Updates through their update ids and by
 * treating "already accepted" / "already resolved" as done. A refusal of the case (another unit holds it, it is
 * suspended, departments are outstanding) is returned, not thrown: retrying would not change it, and the
 * mediation goes on — the workflow shows it in `originalCase`. Other errors (the server unreachable) throw and
 * are retried. Every act on the case is that of a real person in their own role, checked against the case's
 * units first (and by the case workflow's own guards): never a borrowed role.
 */
export function createMediationActivities({ publisher, client }: MediationActivityDeps) {
  const caseHandle = async (caseNumber: string) => (typeof client === 'function' ? await client() : client).workflow.getHandle(caseNumber);

  async function caseView(caseNumber: string): Promise<CaseView | undefined> {
    try {
      return await (await caseHandle(caseNumber)).query(caseStatusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  async function accept(request: AcceptOriginalCaseRequest, actor: CommandActor = { userId: request.mediatorId, role: 'mediator', unitId: request.communityId }): Promise<OriginalCaseStep> {
    const view = await caseView(request.caseNumber);
    if (!view) return { status: 'case-not-found' };
    if (!caseUnits(view).includes(actor.unitId)) return { status: 'refused', reason: OUTSIDE_JURISDICTION(actor.unitId) };
    try {
      await (await caseHandle(request.caseNumber)).executeUpdate(acceptUpdate, { args: [{ actor }], updateId: request.updateId });
      return { status: 'done' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { status: 'case-not-found' };
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (refusal.code === 'ALREADY_ACCEPTED') return { status: 'already' };
      return { status: 'refused', reason: refusal };
    }
  }

  return {
    /**
     * Publishes the events of one or more transitions in one Kafka batch, in order, each validated against its
     * contract (a broken one is a bug: the call fails and is retried until a fixed worker publishes it). Ids are
     * `<disputeId>:<sequence>:<type>`, so a retried call never makes a second event downstream.
     */
    async publishMediationEvents(drafts: MediationEventDraft[]): Promise<number> {
      return publishEventDrafts(publisher, drafts);
    },

    /** 签收 the original case as the community's mediator, if it lies in that community ("already accepted" counts as done). */
    acceptOriginalCase: (request: AcceptOriginalCaseRequest) => accept(request),

    /**
     * 办结 the original case with the mediation's summary, as the person whose act ended the dispute (the mediator
     * who followed up the last term, the street centre's mediator who recorded the failure), accepting it first
     * if it still waits at their community. If the case has moved beyond them (the street took it over), the case
     * refuses and its holder resolves it. Already resolved or closed counts as done.
     */
    async resolveOriginalCase(request: ResolveOriginalCaseRequest): Promise<OriginalCaseStep> {
      if (request.requestedBy === null) return { status: 'refused', reason: NO_REQUESTER };
      const actor: CommandActor = request.requestedBy ?? { userId: request.mediatorId, role: 'mediator', unitId: request.communityId };
      let view = await caseView(request.caseNumber);
      if (!view) return { status: 'case-not-found' };
      if (DONE_STAGES.includes(view.stage)) return { status: 'already' };
      if (!caseUnits(view).includes(actor.unitId)) return { status: 'refused', reason: OUTSIDE_JURISDICTION(actor.unitId) };
      if (view.stage === 'dispatched') {
        const accepted = await accept({ ...request, updateId: `${request.updateId}:accept` }, actor);
        if (accepted.status === 'refused' || accepted.status === 'case-not-found') return accepted;
        view = (await caseView(request.caseNumber)) ?? view;
      }
      try {
        await (await caseHandle(request.caseNumber)).executeUpdate(resolveUpdate, { args: [{ actor, summary: request.summary }], updateId: request.updateId });
        return { status: 'done' };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return { status: 'case-not-found' };
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        const now = await caseView(request.caseNumber);
        if (now && DONE_STAGES.includes(now.stage)) return { status: 'already' };
        return { status: 'refused', reason: refusal };
      }
    },
  };
}

export type MediationActivities = ReturnType<typeof createMediationActivities>;
