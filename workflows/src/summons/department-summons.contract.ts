// What the case workflow, the department's summons workflow and clients share about a summons (吹哨).
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { SlaWindowName, SummonsStatus } from '@civicflow/domain';

export const DEPARTMENT_SUMMONS_WORKFLOW_TYPE = 'departmentSummonsWorkflow';

/**
 * The department's running window as the case workflow computed it (UTC ms). `identity` (window@start) names
 * the window: a new one starts after 报到 or an overruled refusal. Instants are null while the case is
 * suspended (挂起) or while the calendar could not compute them.
 */
export interface SummonsClock {
  identity: string;
  window: SlaWindowName;
  paused: boolean;
  warningAt: number | null;
  breachAt: number | null;
}

export interface DepartmentSummonsInput {
  caseNumber: string;
  departmentId: string;
  /** 1 for the department's first summons on this case, 2 if summoned again after answering, … */
  n: number;
  summonsId: string;
  streetId?: string;
  status: SummonsStatus;
  clock: SummonsClock | null;
}

/** From the case workflow, whenever the summons' status or clock changes; 'withdrawn' when the case ends. */
export interface SummonsChange {
  status: SummonsStatus | 'withdrawn';
  clock: SummonsClock | null;
}

export const summonsChangedSignal = defineSignal<[SummonsChange]>('summonsChanged');

/** From the summons workflow to its case workflow: a warning or breach instant of the department's window came. */
export interface SummonsSlaReport {
  departmentId: string;
  n: number;
  identity: string;
  kind: 'warning' | 'breach';
  at: number;
}

export const summonsSlaReachedSignal = defineSignal<[SummonsSlaReport]>('summonsSlaReached');

export interface SummonsState {
  summonsId: string;
  caseNumber: string;
  departmentId: string;
  n: number;
  status: SummonsStatus | 'withdrawn';
  clock: SummonsClock | null;
  reported: string[];
}

export const summonsStatusQuery = defineQuery<SummonsState>('summonsStatus');

export interface DepartmentSummonsResult {
  summonsId: string;
  departmentId: string;
  outcome: 'answered' | 'released' | 'withdrawn';
  endedAt: string;
}
