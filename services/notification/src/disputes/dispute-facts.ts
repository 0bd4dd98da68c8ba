/**
 * What notices about a dispute (矛盾纠纷) need after it was opened: the mediation events name only the dispute,
 * so its community, its case, its type and its mediator are kept from the events that carry them.
 */
export interface DisputeFacts {
  disputeId: string;
  caseNumber?: string;
  communityId?: string;
  disputeType?: string;
  /** the mediator currently assigned (mediation.mediator-assigned; a street-centre assignment replaces the community's) */
  mediatorId?: string;
  /** where the dispute is mediated now: the community's committee or the street's centre (mediator-assigned, mediation-failed) */
  level?: 'community' | 'street';
}

export type DisputeFactsUpdate = Partial<Omit<DisputeFacts, 'disputeId'>>;

export interface DisputeFactsReader {
  get(disputeId: string): Promise<DisputeFacts | undefined>;
}

export interface DisputeFactsRecorder extends DisputeFactsReader {
  /** Sets the given (defined) facts; events may arrive in any order and any number of times. */
  record(disputeId: string, facts: DisputeFactsUpdate, at: Date): Promise<void>;
}
