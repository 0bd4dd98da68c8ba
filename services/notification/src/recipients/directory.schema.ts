import { Schema } from 'mongoose';

/** A user as the notification service addresses them; identity (or an administrator) keeps it current. */
export interface DirectoryUserDoc {
  _id: string; // user id, the token's subject
  name: string;
  role: string;
  unitId: string;
  locale?: string;
  phone?: string;
  email?: string;
  wechatOpenId?: string;
  active: boolean;
  updatedAt: Date;
}
export const DIRECTORY_USER_MODEL = 'DirectoryUser';
export const directoryUserSchema = new Schema<DirectoryUserDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    unitId: { type: String, required: true },
    locale: String,
    phone: String,
    email: String,
    wechatOpenId: String,
    active: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'directory_users', versionKey: false },
);
// "all community handlers of unit X": equality on both, which FerretDB pushes down
directoryUserSchema.index({ role: 1, unitId: 1 });

/** How to reach a citizen known by reference (the hotline's keyed hash of the caller number). */
export interface DirectoryCitizenDoc {
  _id: string; // citizen ref
  phone?: string;
  email?: string;
  wechatOpenId?: string;
  locale?: string;
  updatedAt: Date;
}
export const DIRECTORY_CITIZEN_MODEL = 'DirectoryCitizen';
export const directoryCitizenSchema = new Schema<DirectoryCitizenDoc>(
  {
    _id: { type: String, required: true },
    phone: String,
    email: String,
    wechatOpenId: String,
    locale: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'directory_citizens', versionKey: false },
);

/** Display names of org units and departments for message texts (the grid service owns the tree itself). */
export interface DirectoryUnitDoc {
  _id: string; // unit id
  zh: string;
  en: string;
}
export const DIRECTORY_UNIT_MODEL = 'DirectoryUnit';
export const directoryUnitSchema = new Schema<DirectoryUnitDoc>(
  { _id: { type: String, required: true }, zh: { type: String, required: true }, en: { type: String, required: true } },
  { collection: 'directory_units', versionKey: false },
);
