import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Role } from '@civicflow/contracts';
import { Bilingual } from '@civicflow/domain';
import { OrgUnitNames } from '@civicflow/platform';
import { Locale } from './recipient';
import { CitizenContact, DirectoryUser, RecipientDirectory } from './recipient-directory';
import {
  DIRECTORY_CITIZEN_MODEL, DIRECTORY_UNIT_MODEL, DIRECTORY_USER_MODEL, DirectoryCitizenDoc, DirectoryUnitDoc, DirectoryUserDoc,
} from './directory.schema';

const asLocale = (value: string | undefined): Locale | undefined => (value === 'en' || value === 'zh-CN' ? value : undefined);

export type DirectoryUserInput = Omit<DirectoryUser, 'active'> & { active?: boolean };
export type CitizenContactInput = CitizenContact;

/** The directory in the service's own database; every write is a single-document upsert by _id. */
@Injectable()
export class MongoRecipientDirectory implements RecipientDirectory {
  constructor(
    @InjectModel(DIRECTORY_USER_MODEL) private readonly users: Model<DirectoryUserDoc>,
    @InjectModel(DIRECTORY_CITIZEN_MODEL) private readonly citizens: Model<DirectoryCitizenDoc>,
    @InjectModel(DIRECTORY_UNIT_MODEL) private readonly units: Model<DirectoryUnitDoc>,
    private readonly orgNames: OrgUnitNames,
  ) {}

  async usersWithRole(role: Role, unitId: string): Promise<DirectoryUser[]> {
    const found = await this.users.find({ role, unitId, active: true }).sort({ _id: 1 }).limit(500).lean();
    return found.map(toUser);
  }

  async user(userId: string): Promise<DirectoryUser | undefined> {
    const found = await this.users.findById(userId).lean();
    return found ? toUser(found) : undefined;
  }

  async citizen(citizenRef: string): Promise<CitizenContact | undefined> {
    const found = await this.citizens.findById(citizenRef).lean();
    return found
      ? { citizenRef, phone: found.phone, email: found.email, wechatOpenId: found.wechatOpenId, locale: asLocale(found.locale) }
      : undefined;
  }

  /** A name an administrator gave the unit here (both languages), else the grid's org tree's, else its department type's. */
  async unitName(unitId: string): Promise<Bilingual | undefined> {
    const found = await this.units.findById(unitId).lean();
    return found ? { zh: found.zh, en: found.en } : this.orgNames.nameOf(unitId);
  }

  async putUser(user: DirectoryUserInput, at: Date): Promise<void> {
    const { userId, ...fields } = user;
    await this.users.replaceOne({ _id: userId }, { ...fields, active: user.active ?? true, updatedAt: at }, { upsert: true });
  }

  async putCitizen(contact: CitizenContactInput, at: Date): Promise<void> {
    const { citizenRef, ...fields } = contact;
    await this.citizens.replaceOne({ _id: citizenRef }, { ...fields, updatedAt: at }, { upsert: true });
  }

  async putUnit(unitId: string, name: Bilingual): Promise<void> {
    await this.units.replaceOne({ _id: unitId }, { zh: name.zh, en: name.en }, { upsert: true });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.users.estimatedDocumentCount()) === 0;
  }
}

function toUser(doc: DirectoryUserDoc): DirectoryUser {
  return {
    userId: doc._id,
    name: doc.name,
    role: doc.role as Role,
    unitId: doc.unitId,
    locale: asLocale(doc.locale),
    phone: doc.phone,
    email: doc.email,
    wechatOpenId: doc.wechatOpenId,
    active: doc.active,
  };
}
