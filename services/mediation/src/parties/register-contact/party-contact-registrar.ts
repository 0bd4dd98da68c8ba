import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { CONFIG, PiiProtector } from '@civicflow/platform';
import { MediationConfig } from '../../config';
import { CONTACT_READ_MODEL, ContactReadDoc } from '../../contacts/contact-read.schema';
import { PartyDoc, partyRef } from '../../disputes/dispute';
import { PartyRegister } from '../party-register';
import { CITIZEN_DIRECTORY, CitizenDirectory } from '@civicflow/platform';
import { SERVICE_ACCOUNT } from './notification-directory.client';

export const REGISTRATION_REASON = '登记通知通讯录，以便短信通知调解安排 register with the notification directory for SMS notices';

/**
 * 当事人联系方式登记: a party with a phone (added, or its phone changed) is registered with the notification
 * service's directory as the citizen `party:<disputeId>:<partyId>`, so the mediation events can name the party by
 * that ref and the notification service can text them — the number itself never goes on Kafka.
 *
 * The party is written first with `contactRegistered: false` (and the register flagged `contactsPending`), so a
 * registration that fails — the notification service down or refusing — loses nothing: it is logged and tried
 * again at start and on a timer (MEDIATION_CONTACT_REGISTER_RETRY_MS) until it is taken. Each decryption for the
 * registration is recorded in party_contact_reads first (reader `svc-mediation`), like a person's full read.
 */
@Injectable()
export class PartyContactRegistrar implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartyContactRegistrar.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly register: PartyRegister,
    @Inject(CITIZEN_DIRECTORY) private readonly directory: CitizenDirectory,
    private readonly protector: PiiProtector,
    @InjectModel(CONTACT_READ_MODEL) private readonly reads: Model<ContactReadDoc>,
    @Inject(CONFIG) private readonly config: Pick<MediationConfig, 'MEDIATION_CONTACT_REGISTER_RETRY_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    void this.retryPending(); // what an earlier run left waiting
    this.timer = setInterval(() => void this.retryPending(), this.config.MEDIATION_CONTACT_REGISTER_RETRY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Registers every party of the dispute still waiting; never throws (a failure stays pending). Returns how many were registered. */
  async registerDispute(disputeId: string): Promise<number> {
    try {
      const dispute = await this.register.findById(disputeId);
      if (!dispute) return 0;
      let registered = 0;
      for (const party of dispute.parties) {
        if (party.contactRegistered === false && party.phone && (await this.registerParty(disputeId, party))) registered += 1;
      }
      await this.settle(disputeId);
      return registered;
    } catch (error) {
      this.logger.error(`当事人联系方式登记失败 registering the contacts of dispute ${disputeId} failed (will retry): ${message(error)}`);
      return 0;
    }
  }

  /** One pass over the disputes with contacts waiting. Returns how many parties were registered. */
  async retryPending(limit = 100): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let registered = 0;
    try {
      const pending = await this.register.model.find({ contactsPending: true }, { _id: 1 }).limit(limit).lean<{ _id: string }[]>().exec();
      for (const { _id } of pending) registered += await this.registerDispute(_id);
      if (pending.length > 0) this.logger.log(`当事人联系方式重试登记 contact registration retry: ${registered} registered, ${pending.length} dispute(s) had some waiting`);
    } catch (error) {
      this.logger.warn(`当事人联系方式重试失败 contact registration retry failed: ${message(error)}`);
    } finally {
      this.running = false;
    }
    return registered;
  }

  private async registerParty(disputeId: string, party: PartyDoc): Promise<boolean> {
    const ref = partyRef(disputeId, party.partyId);
    const sealed = party.phone!;
    try {
      await this.reads.create({
        _id: randomUUID(), disputeId, partyId: party.partyId, kind: 'phone', masked: sealed.masked, reason: REGISTRATION_REASON,
        readerId: SERVICE_ACCOUNT.userId, readerName: SERVICE_ACCOUNT.name, readerRole: 'system', readerUnitId: 'civicflow', readAt: new Date(),
      } satisfies ContactReadDoc);
      await this.directory.putCitizen(ref, { phone: this.protector.decrypt(sealed.encrypted) });
    } catch (error) {
      this.logger.warn(`当事人 ${ref} (${sealed.masked}) 未能登记到通知通讯录 could not be registered with the notification directory, will retry: ${message(error)}`);
      return false;
    }
    // registered: mark it, unless the phone changed meanwhile (that one registers on its own)
    await this.register.mutate(disputeId, (doc) => {
      const current = doc.parties.find((p) => p.partyId === party.partyId);
      if (!current || current.phone?.encrypted !== sealed.encrypted || current.contactRegistered !== false) return undefined;
      const parties = doc.parties.map((p) => (p.partyId === party.partyId ? { ...p, contactRegistered: true } : p));
      return { parties, contactsPending: parties.some((p) => p.contactRegistered === false) };
    });
    this.logger.log(`当事人 ${ref} (${sealed.masked}) 已登记到通知通讯录 registered with the notification directory`);
    return true;
  }

  /** Clears the dispute's flag once no party waits (e.g. the waiting party was removed or lost its phone). */
  private async settle(disputeId: string): Promise<void> {
    await this.register.mutate(disputeId, (doc) => {
      const pending = doc.parties.some((p) => p.contactRegistered === false && p.phone);
      return Boolean(doc.contactsPending) === pending ? undefined : { contactsPending: pending };
    });
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
