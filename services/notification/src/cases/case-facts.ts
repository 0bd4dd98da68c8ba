/** What rules may read about a case when they decide who to tell. */
export interface CaseFacts {
  caseNumber: string;
  reporterRefs: string[];
  categoryCode?: string;
  orgPath?: string[];
  /** the street the case was dispatched or escalated to (case.dispatched route, case.escalated unit) */
  streetId?: string;
}

export interface CaseFactsReader {
  get(caseNumber: string): Promise<CaseFacts | undefined>;
  /** The reporter ref a call or report carried, when its intake event has been seen. */
  reporterOfSource(channel: string, sourceRef: string): Promise<string | undefined>;
}

export interface CaseFactsRecorder extends CaseFactsReader {
  recordSource(channel: string, sourceRef: string, reporterRef: string, at: Date): Promise<void>;
  recordCase(caseNumber: string, facts: { categoryCode?: string; orgPath?: string[]; urgency?: string; streetId?: string }, at: Date): Promise<void>;
  addReporter(caseNumber: string, reporterRef: string, at: Date): Promise<void>;
}

export const CASE_FACTS = Symbol('CASE_FACTS');
