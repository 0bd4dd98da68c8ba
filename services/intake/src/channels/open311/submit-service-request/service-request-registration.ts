import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RequestType, Urgency } from '@civicflow/contracts';
import { currentTraceparent } from '@civicflow/platform';
import { CaseNumbers } from '../../../cases/case-number/case-numbers';
import { RegisteredReport, RegisterReportUseCase } from '../../../reports/register-report/register-report.usecase';
import { FetchMedia } from '../media/fetch-media';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from '../open311-request.schema';
import { OPEN311_SETTINGS, Open311Settings } from '../open311.settings';
import { serviceRequestIdOf } from '../service-request-ids';
import { RequestUpdates } from '../updates/request-updates';

/** The case registration found, and the request's own id. */
export interface RegisteredRequest extends RegisteredReport {
  serviceRequestId: string;
}

/**
 * Turns a stored Open311 request into its case. Registration is idempotent (the report is keyed by `open311:<token>`),
 * so a request whose first attempt was slow or failed is simply registered again the next time its token is asked
 * for: the stored request, not a process's memory, is what makes the token good.
 */
@Injectable()
export class ServiceRequestRegistration {
  private readonly logger = new Logger(ServiceRequestRegistration.name);

  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    private readonly registrar: RegisterReportUseCase,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
    private readonly numbers: CaseNumbers,
    private readonly media: FetchMedia,
    private readonly updates: RequestUpdates,
  ) {}

  /**
   * The media_url first (fetched into photo storage from an allowed host, else kept as a link: either way the case
   * shows it to staff), then the report's registration; then the request learns its case and its own id, and is
   * linked to the case so that the case's events become its updates.
   */
  async register(request: Open311RequestDoc): Promise<RegisteredRequest> {
    let media = request.media;
    if (request.mediaUrl && !media) {
      media = await this.media.fetch(request.mediaUrl);
      await this.requests.updateOne({ _id: request._id }, { $set: { media } });
    }
    const registered = await this.registrar.execute({
      channel: 'open311',
      sourceRef: request._id,
      requestType: request.requestType as RequestType,
      urgency: request.urgency as Urgency,
      categoryCode: request.serviceCode,
      content: request.description,
      address: request.address,
      location: request.location,
      correlationId: request._id,
      traceparent: currentTraceparent(),
      reporterRef: request.reporterRef,
      ...(media?.photoId ? { photos: [media.photoId] } : {}),
      ...(media?.linkOnly ? { photoLinks: [media.linkOnly] } : {}),
    });
    const { caseNumber, merged } = registered;
    if (request.serviceRequestId && request.caseNumber === caseNumber) return { ...registered, serviceRequestId: request.serviceRequestId };
    const serviceRequestId = merged ? await this.joinedIdOf(caseNumber, request._id) : caseNumber;
    await this.requests.updateOne({ _id: request._id }, { $set: { caseNumber, merged, serviceRequestId } });
    await this.updates.link({ ...request, media, caseNumber, merged, serviceRequestId });
    return { ...registered, serviceRequestId };
  }

  /** A report merged at intake is named by its place among the reports joined to the case (registration listed it there). */
  private async joinedIdOf(caseNumber: string, token: string): Promise<string> {
    const position = ((await this.numbers.find(caseNumber))?.joined ?? []).indexOf(`open311:${token}`);
    if (position < 0) throw new Error(`open311:${token} is not among the reports joined to ${caseNumber}`);
    return serviceRequestIdOf(caseNumber, position + 1);
  }

  /**
   * The case, if registration answers within the configured wait; otherwise undefined, and registration goes on
   * (or is retried through the token). A refusal of the request itself (4xx) is the client's to see at once.
   */
  async registerWithin(request: Open311RequestDoc): Promise<RegisteredRequest | undefined> {
    const registration = this.register(request);
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve(undefined);
      }, this.settings.waitMs);
    });
    try {
      return await Promise.race([registration, timeout]);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) throw error;
      this.logger.error(`Open311 request ${request._id}: registration failed, its token stays pending: ${messageOf(error)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
      // a registration that outlived the wait goes on; if it fails after all, the next token lookup retries it
      if (timedOut) registration.catch((error: unknown) => this.logger.warn(`Open311 request ${request._id}: registration failed late: ${messageOf(error)}`));
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
