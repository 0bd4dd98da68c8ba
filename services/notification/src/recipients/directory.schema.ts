import { Schema } from 'mongoose';
import { memberListSchema, type SealedPii } from '@civicflow/platform';

/**
 * A contact point as stored: encrypted with NOTIFICATION_CONTACT_KEY and masked for display. (A plain string is
 * a document written before contacts were sealed; it is read as is and sealed on its next write.)
 */
export type StoredContact = SealedPii | string;

/** A user as the notification service addresses them; identity (or an administrator) keeps it current. */
export interface DirectoryUserDoc {
  _id: string; // user id, the token's subject
  name: string;
  role: string;
  unitId: string;
  locale?: string;
  phone?: StoredContact;
  email?: StoredContact;
  wechatOpenId?: StoredContact;
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
    phone: Schema.Types.Mixed,
    email: Schema.Types.Mixed,
    wechatOpenId: Schema.Types.Mixed,
    active: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'directory_users', versionKey: false },
);

/**
 * Who holds a role in a unit ("all community handlers of unit X", asked for every notice): one list per role and
 * unit (`_id` from `roleHoldersKey`, members the user ids), kept by the directory's writer and read by `_id` — a
 * filter on role and unit decodes every user on FerretDB 1.24, whatever the index says.
 */
export const DIRECTORY_ROLE_LIST_MODEL = 'DirectoryRoleList';
export const directoryRoleListSchema = memberListSchema('directory_role_lists');
export const roleHoldersKey = (role: string, unitId: string) => `${role}@${unitId}`;

/** How to reach a citizen known by reference (the hotline's keyed hash of the caller number). */
export interface DirectoryCitizenDoc {
  _id: string; // citizen ref
  phone?: StoredContact;
  email?: StoredContact;
  wechatOpenId?: StoredContact;
  locale?: string;
  updatedAt: Date;
}
export const DIRECTORY_CITIZEN_MODEL = 'DirectoryCitizen';
export const directoryCitizenSchema = new Schema<DirectoryCitizenDoc>(
  {
    _id: { type: String, required: true },
    phone: Schema.Types.Mixed,
    email: Schema.Types.Mixed,
    wechatOpenId: Schema.Types.Mixed,
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
