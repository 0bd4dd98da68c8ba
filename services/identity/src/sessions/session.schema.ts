import { Schema } from 'mongoose';

/** A sign-in session: its current refresh token (hashed), until when it lasts, and whether it was ended. */
export interface SessionDoc {
  _id: string; // session id, the `sid` claim of its access tokens
  userId: string;
  /** sha256 of the refresh token in use; each refresh replaces it */
  refreshHash: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt?: Date | null;
}
export const SESSION_MODEL = 'Session';
export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    refreshHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: Date,
  },
  { collection: 'sessions', versionKey: false },
);

/** A session ended before its access tokens ran out: the services refuse them until `until`. */
export interface RevocationDoc {
  _id: string; // session id
  until: Date;
}
export const REVOCATION_MODEL = 'Revocation';
export const revocationSchema = new Schema<RevocationDoc>(
  { _id: { type: String, required: true }, until: { type: Date, required: true } },
  { collection: 'revocations', versionKey: false },
);
