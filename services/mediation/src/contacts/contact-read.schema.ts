import { Schema } from 'mongoose';

/** 联系方式查看记录: one document per full read of a party's contact. Append-only. */
export interface ContactReadDoc {
  _id: string;
  disputeId: string;
  partyId: string;
  kind: 'phone' | 'idNumber';
  masked: string;
  reason: string;
  readerId: string;
  readerName: string;
  readerRole: string;
  readerUnitId: string;
  readAt: Date;
}

export const CONTACT_READ_MODEL = 'PartyContactRead';

export const contactReadSchema = new Schema<ContactReadDoc>(
  {
    _id: { type: String, required: true },
    disputeId: { type: String, required: true },
    partyId: { type: String, required: true },
    kind: { type: String, required: true },
    masked: { type: String, required: true },
    reason: { type: String, required: true },
    readerId: { type: String, required: true },
    readerName: { type: String, required: true },
    readerRole: { type: String, required: true },
    readerUnitId: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { collection: 'party_contact_reads', versionKey: false },
);
// serves "who read this dispute's contacts", newest first
contactReadSchema.index({ disputeId: 1, readAt: -1 });
