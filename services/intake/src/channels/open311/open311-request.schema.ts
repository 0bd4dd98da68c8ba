import { Schema } from 'mongoose';

/** A GeoReport service request as a client app posted it; the source record of its case (channel open311). */
export interface Open311RequestDoc {
  /** The token: also the case's sourceRef, so the case is found by `open311:<token>` even before it is linked here. */
  _id: string;
  /** The client app whose key posted it: only that app lists and reads it. */
  app: string;
  serviceCode: string;
  description: string;
  requestType: string;
  urgency: string;
  address?: string;
  location?: { lng: number; lat: number };
  /** A photo the client hosts itself; kept as a link, never fetched (a server fetching arbitrary URLs is an SSRF hole). */
  mediaUrl?: string;
  reporterRef?: string;
  attributes?: Record<string, string>;
  requestedAt: Date;
  /** The case number (= service_request_id), once registration answered. */
  caseNumber?: string;
  /** The request joined an open case of the same problem nearby (合并): caseNumber is that case's. */
  merged?: boolean;
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
    reporterRef: String,
    attributes: { type: Map, of: String },
    requestedAt: { type: Date, required: true },
    caseNumber: String,
    merged: Boolean,
  },
  { collection: 'open311_requests', versionKey: false },
);
// GET requests.{format}: an app's requests in a time window, newest first
open311RequestSchema.index({ app: 1, requestedAt: -1 });
// GET requests/{id}.{format} and the service_request_id filter go through the case's number document
// (case_numbers → its reports → their tokens), all by _id
