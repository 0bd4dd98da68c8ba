// Typed in-memory stand-ins for unit tests: the directory and case facts with the Mongo versions' semantics.
import { Role } from '@civicflow/contracts';
import { Bilingual } from '@civicflow/domain';
import { CaseFacts, CaseFactsRecorder } from '../cases/case-facts';
import { ChannelName, DeliveryResult, NotificationChannel, OutgoingMessage } from '../channels/notification-channel';
import { DisputeFacts, DisputeFactsRecorder, DisputeFactsUpdate } from '../disputes/dispute-facts';
import { CitizenContact, DirectoryUser, RecipientDirectory } from '../recipients/recipient-directory';

export class FakeDirectory implements RecipientDirectory {
  readonly users: DirectoryUser[] = [];
  readonly citizens = new Map<string, CitizenContact>();
  readonly units = new Map<string, Bilingual>();

  addUser(user: Omit<DirectoryUser, 'active'> & { active?: boolean }): this {
    this.users.push({ active: true, ...user });
    return this;
  }
  addCitizen(contact: CitizenContact): this {
    this.citizens.set(contact.citizenRef, contact);
    return this;
  }
  async usersWithRole(role: Role, unitId: string) {
    return this.users.filter((u) => u.role === role && u.unitId === unitId && u.active);
  }
  async user(userId: string) {
    return this.users.find((u) => u.userId === userId);
  }
  async citizen(citizenRef: string) {
    return this.citizens.get(citizenRef);
  }
  async unitName(unitId: string) {
    return this.units.get(unitId);
  }
}

export class InMemoryCaseFacts implements CaseFactsRecorder {
  readonly cases = new Map<string, CaseFacts>();
  readonly sources = new Map<string, string>();

  async get(caseNumber: string) {
    const found = this.cases.get(caseNumber);
    return found && { ...found, reporterRefs: [...found.reporterRefs] };
  }
  async reporterOfSource(channel: string, sourceRef: string) {
    return this.sources.get(`${channel}:${sourceRef}`);
  }
  async recordSource(channel: string, sourceRef: string, reporterRef: string) {
    if (!this.sources.has(`${channel}:${sourceRef}`)) this.sources.set(`${channel}:${sourceRef}`, reporterRef);
  }
  async recordCase(caseNumber: string, facts: { categoryCode?: string; orgPath?: string[]; streetId?: string }) {
    const existing = this.cases.get(caseNumber) ?? { caseNumber, reporterRefs: [] };
    this.cases.set(caseNumber, { ...existing, ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) });
  }
  async addReporter(caseNumber: string, reporterRef: string) {
    const existing = this.cases.get(caseNumber) ?? { caseNumber, reporterRefs: [] };
    if (!existing.reporterRefs.includes(reporterRef)) existing.reporterRefs.push(reporterRef);
    this.cases.set(caseNumber, existing);
  }
}

export class InMemoryDisputeFacts implements DisputeFactsRecorder {
  readonly disputes = new Map<string, DisputeFacts>();

  async get(disputeId: string) {
    const found = this.disputes.get(disputeId);
    return found && { ...found };
  }
  async record(disputeId: string, facts: DisputeFactsUpdate) {
    const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
    this.disputes.set(disputeId, { ...(this.disputes.get(disputeId) ?? { disputeId }), ...defined });
  }
}

/** A channel that answers with scripted results (default: accepted) and records what it was asked to send. */
export class ScriptedChannel implements NotificationChannel {
  readonly sent: OutgoingMessage[] = [];
  private readonly script: DeliveryResult[] = [];

  constructor(readonly name: ChannelName) {}

  willAnswer(...results: DeliveryResult[]): this {
    this.script.push(...results);
    return this;
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    this.sent.push(message);
    return this.script.shift() ?? { ok: true, providerMessageId: `${this.name}-${this.sent.length}` };
  }
}
