import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MemberListDoc, OrgUnitNames, PiiKind, PiiProtector } from '@civicflow/platform';
import { Role } from '@civicflow/contracts';
import { Bilingual } from '@civicflow/domain';
import { ContactPoints, Locale } from './recipient';
import { CitizenContact, DirectoryUser, RecipientDirectory } from './recipient-directory';
import {
  DIRECTORY_CITIZEN_MODEL, DIRECTORY_ROLE_LIST_MODEL, DIRECTORY_UNIT_MODEL, DIRECTORY_USER_MODEL, DirectoryCitizenDoc, DirectoryUnitDoc, DirectoryUserDoc,
  roleHoldersKey, StoredContact,
} from './directory.schema';

const CONTACT_KINDS: Record<keyof ContactPoints, PiiKind> = { phone: 'phone', email: 'email', wechatOpenId: 'openId' };

const asLocale = (value: string | undefined): Locale | undefined => (value === 'en' || value === 'zh-CN' ? value : undefined);

export type DirectoryUserInput = Omit<DirectoryUser, 'active'> & { active?: boolean };
export type CitizenContactInput = CitizenContact;

/**
 * The directory in the service's own database; every write is a single-document upsert by _id. Phone numbers,
 * e-mail addresses and openids are sealed (encrypted with the service's key, masked beside) before they are
 * written, and opened only to send a message.
 */
@Injectable()
export class MongoRecipientDirectory implements RecipientDirectory {
  constructor(
    @InjectModel(DIRECTORY_USER_MODEL) private readonly users: Model<DirectoryUserDoc>,
    @InjectModel(DIRECTORY_CITIZEN_MODEL) private readonly citizens: Model<DirectoryCitizenDoc>,
    @InjectModel(DIRECTORY_UNIT_MODEL) private readonly units: Model<DirectoryUnitDoc>,
    @InjectModel(DIRECTORY_ROLE_LIST_MODEL) private readonly roleLists: Model<MemberListDoc>,
    private readonly orgNames: OrgUnitNames,
    private readonly protector: PiiProtector,
  ) {}

  /** The role's active holders in the unit (at most 500, by user id): its list, then each user by `_id`. */
  async usersWithRole(role: Role, unitId: string): Promise<DirectoryUser[]> {
    const list = await this.roleLists.findById(roleHoldersKey(role, unitId)).lean<MemberListDoc>().exec();
    const ids = [...new Set(list?.members ?? [])].sort().slice(0, 500);
    const found = await Promise.all(ids.map((id) => this.users.findById(id).lean<DirectoryUserDoc>().exec()));
    // a member whose user moved since (a crash between the writes below) no longer matches: skipped
    return found
      .filter((doc): doc is DirectoryUserDoc => !!doc && doc.role === role && doc.unitId === unitId && doc.active)
      .map((doc) => toUser(doc, this.open(doc)));
  }

  async user(userId: string): Promise<DirectoryUser | undefined> {
    const found = await this.users.findById(userId).lean();
    return found ? toUser(found, this.open(found)) : undefined;
  }

  async citizen(citizenRef: string): Promise<CitizenContact | undefined> {
    const found = await this.citizens.findById(citizenRef).lean();
    return found
      ? { citizenRef, ...this.open(found), locale: asLocale(found.locale) }
      : undefined;
  }

  /** A name an administrator gave the unit here (both languages), else the grid's org tree's, else its department type's. */
  async unitName(unitId: string): Promise<Bilingual | undefined> {
    const found = await this.units.findById(unitId).lean();
    return found ? { zh: found.zh, en: found.en } : this.orgNames.nameOf(unitId);
  }

  /** Files the user under their role and unit first (and out of a previous one), so a crash leaves at most a member to skip. */
  async putUser(user: DirectoryUserInput, at: Date): Promise<void> {
    const { userId, phone, email, wechatOpenId, ...fields } = user;
    const before = await this.users.findById(userId, { role: 1, unitId: 1 }).lean().exec();
    const key = roleHoldersKey(user.role, user.unitId);
    await this.roleLists.updateOne({ _id: key }, { $addToSet: { members: userId } }, { upsert: true }).exec();
    if (before && roleHoldersKey(before.role, before.unitId) !== key) {
      await this.roleLists.updateOne({ _id: roleHoldersKey(before.role, before.unitId) }, { $pull: { members: userId } }).exec();
    }
    await this.users.replaceOne({ _id: userId }, { ...fields, ...this.seal({ phone, email, wechatOpenId }), active: user.active ?? true, updatedAt: at }, { upsert: true });
  }

  async putCitizen(contact: CitizenContactInput, at: Date): Promise<void> {
    const { citizenRef, phone, email, wechatOpenId, ...fields } = contact;
    await this.citizens.replaceOne({ _id: citizenRef }, { ...fields, ...this.seal({ phone, email, wechatOpenId }), updatedAt: at }, { upsert: true });
  }

  private seal(contact: ContactPoints): Partial<Record<keyof ContactPoints, StoredContact>> {
    const sealed: Partial<Record<keyof ContactPoints, StoredContact>> = {};
    for (const key of Object.keys(CONTACT_KINDS) as (keyof ContactPoints)[]) {
      const value = contact[key];
      if (value) sealed[key] = this.protector.seal(CONTACT_KINDS[key], value);
    }
    return sealed;
  }

  /** The contact points in clear, to send to (kept in memory only). */
  private open(doc: Partial<Record<keyof ContactPoints, StoredContact>>): ContactPoints {
    const open: ContactPoints = {};
    for (const key of Object.keys(CONTACT_KINDS) as (keyof ContactPoints)[]) {
      const stored = doc[key];
      if (stored) open[key] = typeof stored === 'string' ? stored : this.protector.decrypt(stored.encrypted);
    }
    return open;
  }

  async putUnit(unitId: string, name: Bilingual): Promise<void> {
    await this.units.replaceOne({ _id: unitId }, { zh: name.zh, en: name.en }, { upsert: true });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.users.estimatedDocumentCount()) === 0;
  }
}

function toUser(doc: DirectoryUserDoc, contact: ContactPoints): DirectoryUser {
  return { userId: doc._id, name: doc.name, role: doc.role as Role, unitId: doc.unitId, locale: asLocale(doc.locale), ...contact, active: doc.active };
}
