import type { Transporter } from 'nodemailer';
import { DeliveryResult, describeError, NotificationChannel, OutgoingMessage } from '../notification-channel';

/** 邮件: through an SMTP server (nodemailer). Exists only when SMTP_URL is set. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;

  constructor(private readonly transporter: Transporter, private readonly from: string) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    try {
      const info = (await this.transporter.sendMail({
        from: this.from,
        to: message.address,
        subject: message.message.title,
        text: message.message.link ? `${message.message.body}\n\n${message.message.link}` : message.message.body,
      })) as { messageId?: string };
      return { ok: true, providerMessageId: info.messageId };
    } catch (error) {
      // 5xx: the server refused for good (no such mailbox, rejected sender); 4xx and network errors may pass later
      const responseCode = (error as { responseCode?: number }).responseCode;
      return { ok: false, error: `SMTP: ${describeError(error)}`, permanent: responseCode !== undefined && responseCode >= 500 };
    }
  }
}
