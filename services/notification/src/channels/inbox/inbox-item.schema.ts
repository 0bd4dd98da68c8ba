import { Schema } from 'mongoose';

/** One message in a user's in-app inbox (站内信). _id is the delivery id, so a retried delivery stores it once. */
export interface InboxItemDoc {
  _id: string;
  userId: string;
  title: string;
  body: string;
  link?: string;
  caseNumber?: string;
  eventType: string;
  template: string;
  urgent: boolean;
  read: boolean;
  readAt?: Date;
  createdAt: Date;
}

export const INBOX_ITEM_MODEL = 'InboxItem';

export const inboxItemSchema = new Schema<InboxItemDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: String,
    caseNumber: String,
    eventType: { type: String, required: true },
    template: { type: String, required: true },
    urgent: { type: Boolean, required: true },
    read: { type: Boolean, required: true },
    readAt: Date,
    createdAt: { type: Date, required: true },
  },
  { collection: 'inbox_items', versionKey: false },
);
// a user's inbox, newest first, and the stream's "anything new since" poll
inboxItemSchema.index({ userId: 1, createdAt: -1 });
// the unread count
inboxItemSchema.index({ userId: 1, read: 1 });

export interface InboxItemView {
  id: string;
  title: string;
  body: string;
  link?: string;
  caseNumber?: string;
  eventType: string;
  urgent: boolean;
  read: boolean;
  readAt?: string;
  createdAt: string;
}

export function toInboxItemView(doc: InboxItemDoc): InboxItemView {
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    link: doc.link,
    caseNumber: doc.caseNumber,
    eventType: doc.eventType,
    urgent: doc.urgent,
    read: doc.read,
    readAt: doc.readAt?.toISOString(),
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}
