import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { PartyDoc } from '../disputes/dispute';
import { FOLLOW_UPS, FollowUps, rememberFollowUp } from '../shared/follow-ups';
import { RevisionedCollection } from '../shared/revisioned-collection';

/**
 * 当事人登记: the parties of one dispute (`_id` = dispute id) with their protected contacts — what mediators enter,
 * kept by the service itself. Not the dispute's state (that is the workflow's, projected into `disputes`): the
 * contacts never travel in events or workflow histories.
 */
export interface DisputePartiesDoc {
  _id: string;
  parties: PartyDoc[];
  /** some party's phone still waits to be registered with the notification directory (remembered for the retry) */
  contactsPending: boolean;
  revision: number;
}

export const DISPUTE_PARTIES_MODEL = 'DisputeParties';

const loose = { _id: false, strict: false } as const;

export const disputePartiesSchema = new Schema<DisputePartiesDoc>(
  {
    _id: { type: String, required: true },
    parties: { type: [new Schema({}, loose)], default: [] },
    contactsPending: { type: Boolean, default: false },
    revision: { type: Number, required: true },
  },
  { collection: 'dispute_parties', versionKey: false, minimize: false },
);

@Injectable()
export class PartyRegister extends RevisionedCollection<DisputePartiesDoc> {
  constructor(@InjectModel(DISPUTE_PARTIES_MODEL) parties: Model<DisputePartiesDoc>, @Inject(FOLLOW_UPS) private readonly followUps: FollowUps) {
    super(parties, '当事人 parties of dispute');
  }

  /** A phone to register is remembered for the retry before it is written (shared/follow-ups.ts). */
  protected override async beforeWrite(disputeId: string, fields: Partial<DisputePartiesDoc>): Promise<void> {
    if (fields.contactsPending === true) await rememberFollowUp(this.followUps.contacts, disputeId, this.followUps.contactCheckMs);
  }

  /** The dispute's parties (none when nobody was entered yet). */
  async partiesOf(disputeId: string): Promise<PartyDoc[]> {
    return (await this.findById(disputeId))?.parties ?? [];
  }

  /** Writes the parties a dispute was opened with; a repeated opening keeps what is there. */
  async open(disputeId: string, parties: PartyDoc[]): Promise<DisputePartiesDoc> {
    const doc: DisputePartiesDoc = { _id: disputeId, parties, contactsPending: parties.some((p) => p.contactRegistered === false), revision: 1 };
    return (await this.insert(doc)) ? doc : ((await this.findById(disputeId)) ?? doc);
  }

  /** Adds or replaces one party (by id), flagging a phone to register. */
  put(disputeId: string, party: PartyDoc): Promise<DisputePartiesDoc | null> {
    return this.openThen(disputeId, (doc) => {
      const parties = doc.parties.some((p) => p.partyId === party.partyId) ? doc.parties.map((p) => (p.partyId === party.partyId ? party : p)) : [...doc.parties, party];
      return { parties, ...(party.contactRegistered === false ? { contactsPending: true } : {}) };
    });
  }

  private async openThen(disputeId: string, decide: (doc: DisputePartiesDoc) => Partial<DisputePartiesDoc>): Promise<DisputePartiesDoc | null> {
    await this.open(disputeId, []);
    return this.mutate(disputeId, decide);
  }
}
