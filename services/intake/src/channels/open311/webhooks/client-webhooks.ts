import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { parseInput } from '@civicflow/platform';
import { ClientApp } from '../client-apps';
import { open311DateTime } from '../open311.format';
import { OPEN311_SETTINGS, Open311Settings } from '../open311.settings';
import { DEAD_LETTERS_MODEL, DeadLetter, DeadLettersDoc, Webhook, WEBHOOKS_MODEL, WebhooksDoc } from './webhook.schema';
import { reachesPrivateAddress } from './webhook-deliveries';

/** The most webhooks one app may register, and the dead letters it is shown (the newest). */
const MAX_WEBHOOKS = 5;
const DEAD_LETTERS_SHOWN = 500;

export interface WebhookView {
  webhook_id: string;
  url: string;
  created_datetime: string;
  /** only in the answer to the registration: the app keeps it to check signatures */
  secret?: string;
}

const registrationSchema = z.object({ url: z.preprocess((url) => (typeof url === 'string' ? url.trim() : url), z.url({ protocol: /^https?$/, error: says('须为 http(s) 链接', 'must be an http(s) URL') }).max(2000)) });
const view = (hook: Webhook): WebhookView => ({ webhook_id: hook.id, url: hook.url, created_datetime: open311DateTime(new Date(hook.createdAt)) });

/** A client app's webhooks (register, list, remove) and its dead letters, all in its own documents by `_id`. */
@Injectable()
export class ClientWebhooks {
  constructor(
    @InjectModel(WEBHOOKS_MODEL) private readonly webhooks: Model<WebhooksDoc>,
    @InjectModel(DEAD_LETTERS_MODEL) private readonly deadLetters: Model<DeadLettersDoc>,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  async register(app: ClientApp, body: Record<string, unknown>): Promise<WebhookView> {
    const url = new URL(parseInput(registrationSchema, body).url);
    if (!this.settings.webhookPrivateTargets && (url.protocol !== 'https:' || (await reachesPrivateAddress(url.hostname).catch(() => true)))) {
      throw new BadRequestException({ message: '请求参数无效 invalid request', errors: [{ field: 'url', code: 'not_public_https', reason: says('须为公网 https 地址', 'must be a public https URL') }] });
    }
    const hook: Webhook = { id: randomUUID(), url: url.toString(), secret: randomBytes(32).toString('hex'), createdAt: new Date() };
    const stored = await this.webhooks.findOneAndUpdate(
      { _id: app.name, [`hooks.${MAX_WEBHOOKS - 1}`]: { $exists: false } },
      { $push: { hooks: hook } },
      { upsert: true, new: true },
    ).catch((error: { code?: number }) => {
      if (error.code === 11000) return null; // the app has its maximum: the filter missed, the upsert met its _id
      throw error;
    });
    if (!stored) throw new BadRequestException({ message: '请求参数无效 invalid request', errors: [{ field: 'url', code: 'too_many_webhooks', reason: says(`每个应用最多 ${MAX_WEBHOOKS} 个 webhook`, `at most ${MAX_WEBHOOKS} webhooks per app`) }] });
    return { ...view(hook), secret: hook.secret };
  }

  async list(app: ClientApp): Promise<WebhookView[]> {
    return ((await this.webhooks.findById(app.name).lean<WebhooksDoc>())?.hooks ?? []).map(view);
  }

  async remove(app: ClientApp, id: string): Promise<void> {
    const before = await this.webhooks.findOneAndUpdate({ _id: app.name }, { $pull: { hooks: { id } } }, { new: false }).lean<WebhooksDoc>();
    if (!before?.hooks.some((h) => h.id === id)) throw new NotFoundException({ message: `webhook ${id} 不存在 not found` });
  }

  async deadLettersOf(app: ClientApp): Promise<DeadLetter[]> {
    const letters = (await this.deadLetters.findById(app.name).lean<DeadLettersDoc>())?.letters ?? [];
    return letters.slice(-DEAD_LETTERS_SHOWN).reverse();
  }
}
