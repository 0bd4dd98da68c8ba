import { createTransport } from 'nodemailer';
import { OutgoingMessage } from '../notification-channel';
import { EmailChannel } from './email.channel';

const message = {
  deliveryId: 'evt-1|user:liu|email',
  channel: 'email',
  template: 'case-resolved.handling-unit',
  eventType: 'case.resolved',
  caseNumber: '20260310-000042',
  recipient: { kind: 'user', id: 'liu' },
  address: 'liu@example.gov.cn',
  locale: 'zh-CN',
  urgent: false,
  message: { title: '案件已办结 20260310-000042', body: '案件已办结。', sms: '', fields: {}, link: '/cases/20260310-000042' },
} satisfies OutgoingMessage;

describe('email by SMTP (nodemailer)', () => {
  it('sends subject and text through the transport', async () => {
    // nodemailer's JSON transport builds the message without any network
    const channel = new EmailChannel(createTransport({ jsonTransport: true }), 'CivicFlow <noreply@civicflow.local>');
    const result = await channel.send(message);
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.any(String) });
  });

  it('treats an SMTP 5xx as permanent and anything else as retryable', async () => {
    const failingWith = (error: Error) => new EmailChannel({ sendMail: () => Promise.reject(error) } as never, 'x@y.z');
    const mailboxGone = Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });
    expect(await failingWith(mailboxGone).send(message)).toMatchObject({ ok: false, permanent: true });
    const busy = Object.assign(new Error('421 try again later'), { responseCode: 421 });
    expect(await failingWith(busy).send(message)).toMatchObject({ ok: false, permanent: false });
    expect(await failingWith(new Error('connect ECONNREFUSED')).send(message)).toMatchObject({ ok: false, permanent: false });
  });
});
