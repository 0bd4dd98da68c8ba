import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { open311DateTime } from '../open311.format';
import { OPEN311_SETTINGS, Open311Settings } from '../open311.settings';
import type { Open311Update } from '../updates/open311-update.schema';
import {
  DEAD_LETTERS_MODEL, DeadLetter, DeadLettersDoc, PENDING_DELIVERIES_MODEL, PendingDeliveriesDoc, WEBHOOK_DELIVERY_MODEL, WebhookDeliveryDoc, WEBHOOKS_MODEL, WebhooksDoc,
} from './webhook.schema';
import { signWebhook, SIGNATURE_HEADER } from './webhook-signature';
import { isDuplicateKey } from '@civicflow/platform';

const PENDING = 'pending';

const PRIVATE = new BlockList();
for (const [net, prefix] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.0', 8], ['169.254.0.0', 16], ['100.64.0.0', 10], ['0.0.0.0', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10], ['::', 128]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True when the host is, or resolves to, a loopback, private or link-local address. */
export async function reachesPrivateAddress(host: string): Promise<boolean> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare, { all: true });
  return addresses.some(({ address, family }) => PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4'));
}

/**
 * Webhook deliveries, driven by the updates themselves — never by a poller scanning a collection. An update is
 * written as one delivery per webhook of its app (`_id` = webhook and update: a redelivered event makes none twice)
 * and listed in the one pending document; it is POSTed at once, signed, and on failure tried again after each wait
 * of INTAKE_WEBHOOK_RETRY_MS (a timer in this process, its time kept in the delivery), then moved to the app's dead
 * letters. A restart reads the pending document (by `_id`) and resumes each delivery at its time.
 */
@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveries.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<string>();
  private stopped = false;

  constructor(
    @InjectModel(WEBHOOKS_MODEL) private readonly webhooks: Model<WebhooksDoc>,
    @InjectModel(WEBHOOK_DELIVERY_MODEL) private readonly deliveries: Model<WebhookDeliveryDoc>,
    @InjectModel(DEAD_LETTERS_MODEL) private readonly deadLetters: Model<DeadLettersDoc>,
    @InjectModel(PENDING_DELIVERIES_MODEL) private readonly pending: Model<PendingDeliveriesDoc>,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.pending.findById(PENDING).lean<PendingDeliveriesDoc>();
    for (const id of pending?.ids ?? []) {
      const delivery = await this.deliveries.findById(id).lean<WebhookDeliveryDoc>();
      if (delivery) this.schedule(delivery);
      else await this.pending.updateOne({ _id: PENDING }, { $pull: { ids: id } });
    }
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** One delivery per webhook of the app; each tried at once, without holding up the caller. */
  async enqueue(app: string, update: Open311Update, request: unknown): Promise<void> {
    const hooks = (await this.webhooks.findById(app).lean<WebhooksDoc>())?.hooks ?? [];
    for (const hook of hooks) {
      const now = new Date();
      const delivery: WebhookDeliveryDoc = {
        _id: `${hook.id}:${update.update_id}`,
        app,
        webhookId: hook.id,
        url: hook.url,
        body: JSON.stringify({ event: 'service_request.updated', delivery_id: `${hook.id}:${update.update_id}`, update, service_request: request }),
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      };
      try {
        await this.deliveries.collection.insertOne(delivery as never);
      } catch (error) {
        if (isDuplicateKey(error)) continue; // this update was already handed to this webhook
        throw error;
      }
      await this.pending.updateOne({ _id: PENDING }, { $addToSet: { ids: delivery._id } }, { upsert: true });
      this.schedule(delivery);
    }
  }

  private schedule(delivery: Pick<WebhookDeliveryDoc, '_id' | 'nextAttemptAt'>): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(delivery._id));
    const wait = Math.max(0, new Date(delivery.nextAttemptAt).getTime() - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(delivery._id);
      this.attempt(delivery._id).catch((error: unknown) => this.logger.error(`webhook delivery ${delivery._id}: ${error instanceof Error ? error.message : String(error)}`));
    }, wait);
    timer.unref();
    this.timers.set(delivery._id, timer);
  }

  private async attempt(id: string): Promise<void> {
    if (this.inFlight.has(id) || this.stopped) return;
    this.inFlight.add(id);
    try {
      const delivery = await this.deliveries.findById(id).lean<WebhookDeliveryDoc>();
      if (!delivery) return;
      const failure = await this.post(delivery);
      if (!failure) return await this.finish(delivery);
      const attempts = delivery.attempts + 1;
      const wait = this.settings.webhookRetryMs[attempts - 1];
      if (wait === undefined) return await this.bury(delivery, attempts, failure);
      const nextAttemptAt = new Date(Date.now() + wait);
      await this.deliveries.updateOne({ _id: id }, { $set: { attempts, nextAttemptAt, lastError: failure } });
      this.schedule({ _id: id, nextAttemptAt });
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** undefined when the receiver took it (2xx), else why not. */
  private async post(delivery: WebhookDeliveryDoc): Promise<string | undefined> {
    try {
      const url = new URL(delivery.url);
      if (!this.settings.webhookPrivateTargets && (await reachesPrivateAddress(url.hostname))) return `${url.hostname} 是内网地址 is a private address`;
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.webhookTimeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'CivicFlow-Open311-Webhooks/1',
          'x-civicflow-event': 'service_request.updated',
          'x-civicflow-delivery': delivery._id,
          [SIGNATURE_HEADER]: signWebhook(await this.secretOf(delivery), delivery.body, new Date()),
        },
        body: delivery.body,
      });
      await response.body?.cancel();
      return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The webhook's current secret (a rotated or removed webhook signs with what it has now, or not at all). */
  private async secretOf(delivery: WebhookDeliveryDoc): Promise<string> {
    const hooks = (await this.webhooks.findById(delivery.app).lean<WebhooksDoc>())?.hooks ?? [];
    const hook = hooks.find((h) => h.id === delivery.webhookId);
    if (!hook) throw new Error('webhook 已删除 the webhook was removed');
    return hook.secret;
  }

  private async finish(delivery: WebhookDeliveryDoc): Promise<void> {
    await this.deliveries.deleteOne({ _id: delivery._id });
    await this.pending.updateOne({ _id: PENDING }, { $pull: { ids: delivery._id } });
  }

  private async bury(delivery: WebhookDeliveryDoc, attempts: number, failure: string): Promise<void> {
    const letter: DeadLetter = {
      delivery_id: delivery._id,
      webhook_id: delivery.webhookId,
      url: delivery.url,
      attempts,
      last_error: failure,
      failed_datetime: open311DateTime(new Date()),
      payload: JSON.parse(delivery.body) as unknown,
    };
    await this.deadLetters.updateOne({ _id: delivery.app }, { $push: { letters: letter } }, { upsert: true });
    this.logger.warn(`webhook delivery ${delivery._id} failed ${attempts} times, dead-lettered: ${failure}`);
    await this.finish(delivery);
  }
}
