import { Schema } from 'mongoose';

/** A sign-in session of the user that has not run out yet (its refresh token lives in `sessions`). */
export interface UserSessionRef {
  sid: string;
  expiresAt: Date;
}

export interface UserDoc {
  _id: string; // username, e.g. operator01
  name: string;
  role: string;
  /** root org unit (or department) of the user's jurisdiction */
  unitId: string;
  passwordHash: string;
  active: boolean;
  /** open sessions, so deactivating or re-scoping the user ends them all with point writes by _id */
  sessions?: UserSessionRef[];
  createdAt?: Date;
  updatedAt?: Date;
}

export const USER_MODEL = 'User';

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    unitId: { type: String, required: true },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, required: true },
    sessions: { type: [{ _id: false, sid: String, expiresAt: Date }], default: undefined },
    createdAt: Date,
    updatedAt: Date,
  },
  { collection: 'users', versionKey: false },
);
