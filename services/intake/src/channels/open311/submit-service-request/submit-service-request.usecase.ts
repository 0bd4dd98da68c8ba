import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { requireCategory } from '../../app-report/report-intake/report-category';
import { ClientApp, ReporterPseudonyms } from '../client-apps';
import { ParsedServiceRequest } from '../open311.dto';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from '../open311-request.schema';
import { REQUEST_TYPE_ATTRIBUTE } from '../open311-services';
import { ServiceRequestRegistration } from './service-request-registration';
import { RequestDays } from '../listing/request-days';

/** GeoReport's answer to POST requests: the id, or a token when the id is not known yet. */
export interface Open311Receipt {
  service_request_id?: string;
  token?: string;
  service_notice: string;
  account_id: null;
}

/** POST requests.{format}: keep the request, register its case, answer with the case number (or a token). */
@Injectable()
export class SubmitServiceRequestUseCase {
  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    private readonly registration: ServiceRequestRegistration,
    private readonly pseudonyms: ReporterPseudonyms,
    private readonly days: RequestDays,
  ) {}

  async execute(body: ParsedServiceRequest, app: ClientApp): Promise<Open311Receipt> {
    const category = requireCategory(body.service_code, 'service_code');
    // contact details only identify the reporter; CivicFlow keeps a pseudonym of the first one given, not the details
    const reporterId = body.account_id ?? body.email?.toLowerCase() ?? body.phone ?? body.device_id;
    const request: Open311RequestDoc = {
      _id: randomUUID(),
      app: app.name,
      serviceCode: category.minor.code,
      description: body.description ?? `${category.minor.zh}(未填写描述 no description)`,
      requestType: body.attributes[REQUEST_TYPE_ATTRIBUTE] ?? category.minor.requestTypes[0],
      // residents do not set urgency; classification sets the priority from the category
      urgency: 'normal',
      address: body.address_string,
      location: body.lat !== undefined && body.long !== undefined ? { lng: body.long, lat: body.lat } : undefined,
      mediaUrl: body.media_url,
      reporterRef: reporterId ? this.pseudonyms.of(app, reporterId) : undefined,
      attributes: body.attributes,
      requestedAt: new Date(),
    };
    await this.requests.create(request);
    await this.days.add(request);
    const registered = await this.registration.registerWithin(request);
    if (!registered) {
      return {
        token: request._id,
        service_notice: '已收到,正在受理;请用 token 查询案件编号 received; look up the service_request_id with the token',
        account_id: null,
      };
    }
    return {
      service_request_id: registered.serviceRequestId,
      service_notice: registered.merged
        ? `附近已有同一问题的案件 ${registered.caseNumber},将一并办理 the same problem nearby is already case ${registered.caseNumber}; your request joined it`
        : `已受理,案件编号 ${registered.caseNumber} registered as case ${registered.caseNumber}`,
      account_id: null,
    };
  }
}
