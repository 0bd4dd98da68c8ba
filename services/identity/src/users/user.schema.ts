import { Schema } from 'mongoose';

export interface UserDoc {
  _id: string; // username, e.g. operator01
  name: string;
  role: string;
  /** root org unit (or department) of the user's jurisdiction */
  unitId: string;
  passwordHash: string;
  active: boolean;
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
  },
  { collection: 'users', versionKey: false },
);
