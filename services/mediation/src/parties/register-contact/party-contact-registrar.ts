import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DueWork, PiiProtector } from '@civicflow/platform';
import { CONTACT_READ_MODEL, ContactReadDoc } from '../../contacts/contact-read.schema';
import { PartyDoc, partyRef } from '../../disputes/dispute';
import { FOLLOW_UPS, FollowUps } from '../../shared/follow-ups';
import { PartyRegister } from '../party-register';
import { CITIZEN_DIRECTORY, CitizenDirectory } from '@civicflow/platform';
import { SERVICE_ACCOUNT } from './notification-directory.client';

export const REGISTRATION_REASON = '登记通知通讯录，以便短信通知调解安排 register with the notification directory for SMS notices';

/**
 * 当事人联系方式登记: a party with a phone (added, or its phone changed) is registered with the notification
 * service's directory as the citizen `party:<disputeId>:<partyId>`, so the mediation events can name the party by
 * that ref and the notification service can text them — the number itself never goes on Kafka.
 *
 * The party is written first with `contactRegistered: false` (and the register flagged `contactsPending`, which the
 * register remembers in the party-contacts due list before writing), so a registration that fails — the
 * notification service down or refusing — loses nothing: it is logged and tried again every
 * MEDIATION_CONTACT_REGISTER_RETRY_MS from that list (by `_id`; nothing searches the parties) until it is taken. Each decryption for the
 * registration is recorded in party_contact_reads first (reader `svc-mediation`), like a person's full read.
 */
@Injectable()
export class PartyContactRegistrar implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartyContactRegistrar.name);
  private readonly work: DueWork;

  constructor(
    private readonly register: PartyRegister,
    @Inject(CITIZEN_DIRECTORY) private readonly directory: CitizenDirectory,
    private readonly protector: PiiProtector,
    @InjectModel(CONTACT_READ_MODEL) private readonly reads: Model<ContactReadDoc>,
    @Inject(FOLLOW_UPS) followUps: Pick<FollowUps, 'contacts' | 'contactCheckMs'>,
  ) {
    const retryMs = followUps.contactCheckMs;
    this.work = new DueWork({
      name: 'party contacts',
      list: followUps.contacts,
      sweepMs: retryMs,
      handle: async (disputeId) => {
        await this.registerDispute(disputeId);
        return (await this.register.findById(disputeId))?.contactsPending ? new Date(Date.now() + retryMs) : undefined;
      },
      backfill: async () => {
        const waiting = await this.register.model.find({ contactsPending: true }, { _id: 1 }).lean<{ _id: string }[]>().exec();
        return waiting.map(({ _id }) => ({ id: _id, dueAt: new Date() }));
      },
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }

  /** One sweep of the party-contacts due list; returns how many disputes were looked at. */
  sweepOnce(now?: Date): Promise<number> {
    return this.work.sweepOnce(now);
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
