import { CaseFactsReader } from '../cases/case-facts';
import { ChannelName } from '../channels/notification-channel';
import { Audience, ContactPoints, Recipient, RecipientKind, SOURCE_REF_PREFIX } from './recipient';
import { RecipientDirectory } from './recipient-directory';

/**
 * From references to people, and from people to addresses. Role audiences fan out when a notice is planned
 * (each user gets a delivery of their own); addresses are looked up again when a message is sent, so a phone
 * number the hotline registers a moment later is still used.
 */
export class RecipientResolver {
  constructor(private readonly directory: RecipientDirectory, private readonly cases: CaseFactsReader) {}

  async resolve(audience: Audience): Promise<Recipient[]> {
    switch (audience.kind) {
      case 'role':
        return (await this.directory.usersWithRole(audience.role, audience.unitId)).map((u) => this.fromUser(u));
      case 'user': {
        const user = await this.directory.user(audience.userId);
        return user?.active ? [this.fromUser(user)] : [];
      }
      case 'citizen':
        return [await this.citizen(audience.citizenRef)];
      case 'case-reporters': {
        const facts = await this.cases.get(audience.caseNumber);
        const citizens = await Promise.all((facts?.reporterRefs ?? []).map((ref) => this.citizen(ref)));
        // the same caller may have reported twice (two calls, one person): tell them once
        return uniqueBy(citizens, (c) => c.id);
      }
    }
  }

  /** A source key (`source:hotline:<callId>`) becomes the caller's ref as soon as the call's event has been seen. */
  async canonicalCitizenRef(ref: string): Promise<string> {
    if (!ref.startsWith(SOURCE_REF_PREFIX)) return ref;
    const rest = ref.slice(SOURCE_REF_PREFIX.length);
    const separator = rest.indexOf(':');
    if (separator < 0) return ref;
    return (await this.cases.reporterOfSource(rest.slice(0, separator), rest.slice(separator + 1))) ?? ref;
  }

  /** The address of a recipient on a channel now, or undefined when the directory has none. */
  async addressFor(recipient: { kind: RecipientKind; id: string }, channel: ChannelName): Promise<string | undefined> {
    if (channel === 'inbox') return recipient.kind === 'user' ? recipient.id : undefined;
    const contact: ContactPoints | undefined =
      recipient.kind === 'user'
        ? await this.directory.user(recipient.id)
        : await this.directory.citizen(await this.canonicalCitizenRef(recipient.id));
    if (!contact) return undefined;
    return { sms: contact.phone, wechat: contact.wechatOpenId, email: contact.email }[channel];
  }

  private async citizen(ref: string): Promise<Recipient> {
    const id = await this.canonicalCitizenRef(ref);
    const contact = await this.directory.citizen(id);
    return { kind: 'citizen', id, locale: contact?.locale, contact: { phone: contact?.phone, email: contact?.email, wechatOpenId: contact?.wechatOpenId } };
  }

  private fromUser(user: { userId: string; locale?: Recipient['locale'] } & ContactPoints): Recipient {
    return { kind: 'user', id: user.userId, locale: user.locale, contact: { phone: user.phone, email: user.email, wechatOpenId: user.wechatOpenId } };
  }
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
