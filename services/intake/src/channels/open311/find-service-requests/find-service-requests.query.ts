import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { CASE_MODEL, CaseDoc } from '../../../cases/case.schema';
import { ClientApp } from '../client-apps';
import { MAX_RESULTS, ServiceRequestFilters } from '../open311.dto';
import { CaseForOpen311, Open311ServiceRequest, toOpen311Request, withStatus } from '../open311-request.view';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from '../open311-request.schema';
import { ServiceRequestRegistration } from '../submit-service-request/service-request-registration';

export interface Open311TokenAnswer {
  token: string;
  service_request_id: string | null;
}

/**
 * What a client app may read back: its own requests only. Other apps' requests, and cases from the hotline, app
 * reports and patrols, carry residents' words and places and are not published to third parties.
 */
@Injectable()
export class FindServiceRequestsQuery {
  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    @InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>,
    private readonly registration: ServiceRequestRegistration,
  ) {}

  async list(app: ClientApp, filters: ServiceRequestFilters): Promise<Open311ServiceRequest[]> {
    // equality on app first, then a range on the indexed time: the shape FerretDB and MongoDB both serve well
    const query: FilterQuery<Open311RequestDoc> =
      'ids' in filters
        ? { app: app.name, caseNumber: { $in: filters.ids } }
        : {
            app: app.name,
            requestedAt: { $gte: filters.start, $lte: filters.end },
            ...(filters.serviceCodes ? { serviceCode: { $in: filters.serviceCodes } } : {}),
          };
    const requests = await this.requests.find(query).sort({ requestedAt: -1 }).limit(MAX_RESULTS).lean();
    const views = await this.withCases(requests);
    return 'ids' in filters ? views : withStatus(views, filters.statuses);
  }

  /** Usually one request; more when several of the app's requests were merged into one case. */
  async byId(app: ClientApp, serviceRequestId: string): Promise<Open311ServiceRequest[]> {
    const requests = await this.requests.find({ app: app.name, caseNumber: serviceRequestId }).sort({ requestedAt: 1 }).limit(MAX_RESULTS).lean();
    if (requests.length === 0) throw new NotFoundException({ message: `服务请求 ${serviceRequestId} 不存在 service request not found` });
    return this.withCases(requests);
  }

  /** The case number behind a token; a token still pending is registered now (idempotent), within the usual wait. */
  async token(app: ClientApp, token: string): Promise<Open311TokenAnswer> {
    const request = await this.requests.findOne({ _id: token, app: app.name }).lean();
    if (!request) throw new NotFoundException({ message: `token ${token} 不存在 token not found` });
    if (request.caseNumber) return { token, service_request_id: request.caseNumber };
    const registered = await this.registration.registerWithin(request);
    return { token, service_request_id: registered?._id ?? null };
  }

  private async withCases(requests: Open311RequestDoc[]): Promise<Open311ServiceRequest[]> {
    const caseNumbers = [...new Set(requests.map((r) => r.caseNumber).filter((n): n is string => !!n))];
    const cases = new Map<string, CaseForOpen311>();
    if (caseNumbers.length > 0) {
      for (const found of await this.cases.find({ _id: { $in: caseNumbers } }).lean()) cases.set(found._id, found);
    }
    return requests.map((request) => toOpen311Request(request, request.caseNumber ? cases.get(request.caseNumber) : undefined));
  }
}
