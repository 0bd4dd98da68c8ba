import { Schema } from 'mongoose';

/** The deliveries waiting for a citizen's contact, kept under the citizen's ref: what a directory write wakes. */
export interface ContactWaitDoc {
  _id: string; // citizen ref
  deliveryIds: string[];
}
export const CONTACT_WAIT_MODEL = 'ContactWait';
export const contactWaitSchema = new Schema<ContactWaitDoc>(
  {
    _id: { type: String, required: true },
    deliveryIds: { type: [String], default: [] },
  },
  { collection: 'citizen_contact_waits', versionKey: false },
);
