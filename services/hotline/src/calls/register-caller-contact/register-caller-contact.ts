import { Inject, Injectable, Logger, Provider } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CITIZEN_DIRECTORY, CitizenDirectory, CitizenDirectoryClient, CONFIG, PiiProtector, serviceClientId, ServiceTokenSource } from '@civicflow/platform';
import { HotlineConfig } from '../../config';
import { CALL_MODEL, CallDoc } from '../call.schema';

/** The notification service's citizen directory, called as the hotline's service identity `svc-hotline`. */
export const citizenDirectoryProvider: Provider = {
  provide: CITIZEN_DIRECTORY,
  inject: [CONFIG],
  useFactory: (config: HotlineConfig): CitizenDirectory =>
    new CitizenDirectoryClient({
      notificationUrl: config.NOTIFICATION_URL,
      tokens: new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: serviceClientId('hotline'), clientSecret: config.HOTLINE_CLIENT_SECRET }),
    }),
};

/**
 * 短信告知: a caller who agreed to SMS notices is registered in the notification service's citizen directory under
 * the call's callerRef (the keyed hash every event carries), so "your case was taken on / resolved" reaches the
 * number they called from — the number travels point to point, never on Kafka. It runs beside the call's
 * announcement, never in front of it; a failed registration leaves `contactPending` set and is retried by the
 * outbox's contacts queue (outbox/hotline-outbox.ts).
 */
@Injectable()
export class RegisterCallerContact {
  private readonly logger = new Logger(RegisterCallerContact.name);

  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @Inject(CITIZEN_DIRECTORY) private readonly directory: CitizenDirectory,
    private readonly protector: PiiProtector,
  ) {}

  /** Registers one call's caller; false (and logged) when the directory could not be reached. */
  async register(call: Pick<CallDoc, '_id' | 'callerHash' | 'callerEncrypted'>): Promise<boolean> {
    try {
      await this.directory.putCitizen(call.callerHash, { phone: this.protector.decrypt(call.callerEncrypted) });
      await this.calls.updateOne({ _id: call._id }, { $set: { contactPending: false } });
      return true;
    } catch (error) {
      this.logger.warn(`来电 ${call._id} 的短信联系方式暂未登记,稍后重试 caller contact not registered yet, retrying: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
