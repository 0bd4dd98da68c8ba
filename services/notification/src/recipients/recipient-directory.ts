import { Role } from '@civicflow/contracts';
import { Bilingual } from '@civicflow/domain';
import { ContactPoints, Locale } from './recipient';

export interface DirectoryUser extends ContactPoints {
  userId: string;
  name: string;
  role: Role;
  unitId: string;
  locale?: Locale;
  active: boolean;
}

export interface CitizenContact extends ContactPoints {
  citizenRef: string;
  locale?: Locale;
}

/**
 * Turns references into people and addresses. The notification service never learns a phone number from an
 * event: the hotline (which holds the caller's number) and identity (which holds the users) fill the directory.
 * The Mongo implementation is `MongoRecipientDirectory`; its write API is `PUT /api/v1/directory/…`.
 */
export interface RecipientDirectory {
  /** Active users holding the role in exactly this unit. */
  usersWithRole(role: Role, unitId: string): Promise<DirectoryUser[]>;
  user(userId: string): Promise<DirectoryUser | undefined>;
  citizen(citizenRef: string): Promise<CitizenContact | undefined>;
  /** Display name of an org unit or department, for message texts. */
  unitName(unitId: string): Promise<Bilingual | undefined>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');
