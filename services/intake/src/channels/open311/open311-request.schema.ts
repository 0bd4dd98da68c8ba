import { Schema } from 'mongoose';

/** Where a request stood when Open311 last told anyone (an update, a webhook): the next change is measured against it. */
export interface LastUpdate {
  status: string;
  notes: string;
  at: Date;
}

/** A GeoReport service request as a client app posted it; the source record of its report (channel open311). */
export interface Open311RequestDoc {
  /** The token: also the report's sourceRef, so its report is `open311:<token>` even before the case is known. */
  _id: string;
  /** The client app whose key posted it: that app reads it in full, everyone else its public view. */
  app: string;
  serviceCode: string;
  description: string;
  requestType: string;
  urgency: string;
  address?: string;
  location?: { lng: number; lat: number };
  /** The photo link the client sent (media_url). */
  mediaUrl?: string;
  /** What became of it: fetched into photo storage (an administrator allows its host), or kept as a link staff open. */
  media?: { photoId?: string; linkOnly?: string };
  reporterRef?: string;
  attributes?: Record<string, string>;
  requestedAt: Date;
  /** The case its report became or joined, once registration answered. */
  caseNumber?: string;
  /** The report joined an open case of the same problem nearby (合并): caseNumber is that case's. */
  merged?: boolean;
  /** Its own id: the case number when it opened the case, `<case number>-<n>` for the n-th report joined to it. */
  serviceRequestId?: string;
  lastUpdate?: LastUpdate;
}

export const OPEN311_REQUEST_MODEL = 'Open311Request';

export const open311RequestSchema = new Schema<Open311RequestDoc>(
  {
    _id: { type: String, required: true },
    app: { type: String, required: true },
    serviceCode: { type: String, required: true },
    description: { type: String, required: true },
    requestType: { type: String, required: true },
    urgency: { type: String, required: true },
    address: String,
    location: { lng: Number, lat: Number },
    mediaUrl: String,
    media: { type: Schema.Types.Mixed, default: undefined },
    reporterRef: String,
    attributes: { type: Map, of: String },
    requestedAt: { type: Date, required: true },
    caseNumber: String,
    merged: Boolean,
    serviceRequestId: String,
    lastUpdate: { type: Schema.Types.Mixed, default: undefined },
  },
  // read and written by _id (the token) only: ids and days lead to tokens through their own documents
  { collection: 'open311_requests', versionKey: false },
);
