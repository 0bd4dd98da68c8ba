import { bearerFor } from './tokens';

/** 内部编码 that people must never read: the demo city's unit ids (bf-d01-s01-c01 …) and department units (dept-power …). */
export const INTERNAL_UNIT_ID = /bf-d\d\d|dept-[a-z]/;

/** What the notification service told people about a case: every SMS / WeChat / email text and every inbox item's title and body. */
export interface NoticeTexts {
  sent: { template: string; text: string }[];
  inbox: { userId: string; eventType: string; text: string }[];
}

async function getJson<T>(url: string, authorization: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Collects the texts of a case through the notification service's public APIs: the local sink's messages, and the
 * inbox of every user a delivery of the case went to (read as that user, as they would).
 */
export async function noticeTextsOf(notificationUrl: string, caseNumber: string): Promise<NoticeTexts> {
  const admin = await bearerFor('admin', 'bf', 'notice-texts');
  const sink = await getJson<{ messages: { template: string; text: string }[] }>(`${notificationUrl}/api/v1/sink/messages?caseNumber=${caseNumber}`, admin);
  const { deliveries } = await getJson<{ deliveries: { channel: string; recipient: { kind: string; id: string } }[] }>(
    `${notificationUrl}/api/v1/notifications?caseNumber=${caseNumber}`,
    admin,
  );
  const users = [...new Set(deliveries.filter((d) => d.channel === 'inbox' && d.recipient.kind === 'user').map((d) => d.recipient.id))];
  const inbox: NoticeTexts['inbox'] = [];
  for (const userId of users) {
    const { items } = await getJson<{ items: { caseNumber?: string; eventType: string; title: string; body: string }[] }>(
      `${notificationUrl}/api/v1/inbox?limit=200`,
      await bearerFor('admin', 'bf', userId),
    );
    for (const item of items.filter((i) => i.caseNumber === caseNumber)) inbox.push({ userId, eventType: item.eventType, text: `${item.title}\n${item.body}` });
  }
  return { sent: sink.messages.map((m) => ({ template: m.template, text: m.text })), inbox };
}

/** The texts that show an internal unit or department id, for an assertion that there are none. */
export function textsShowingIds(texts: NoticeTexts): string[] {
  return [...texts.sent.map((m) => `${m.template}: ${m.text}`), ...texts.inbox.map((i) => `${i.userId} ${i.eventType}: ${i.text}`)].filter((text) => INTERNAL_UNIT_ID.test(text));
}
