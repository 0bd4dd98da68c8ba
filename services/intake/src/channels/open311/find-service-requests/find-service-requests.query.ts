import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { CaseReports } from '../../../cases/case-reports';
import { CASE_VIEW_MODEL, CaseViewDoc } from '../../../cases/case-view/case-view.schema';
import { GridRoutes } from '../../../cases/routing/grid-routes';
import { ClientApp } from '../client-apps';
import { MAX_RESULTS, ServiceRequestFilters } from '../open311.dto';
import { CaseForOpen311, Open311ServiceRequest, toOpen311Request, withStatus } from '../open311-request.view';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from '../open311-request.schema';
import { ServiceRequestRegistration } from '../submit-service-request/service-request-registration';

export interface Open311TokenAnswer {
  token: string;
  service_request_id: string | null;
}

const OPEN311_SOURCE = 'open311:';

/**
 * What a client app may read back: its own requests only. Other apps' requests, and cases from the hotline, app
 * reports and patrols, carry residents' words and places and are not published to third parties. Where a case
 * stands comes from intake's projection of the case events, read by case number.
 */
@Injectable()
export class FindServiceRequestsQuery {
  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    @InjectModel(CASE_VIEW_MODEL) private readonly views: Model<CaseViewDoc>,
    private readonly caseReports: CaseReports,
    private readonly routes: GridRoutes,
    private readonly registration: ServiceRequestRegistration,
  ) {}

  async list(app: ClientApp, filters: ServiceRequestFilters): Promise<Open311ServiceRequest[]> {
    if ('ids' in filters) return (await Promise.all(filters.ids.map((id) => this.requestsOfCase(app, id)))).flat();
    // equality on app first, then a range on the indexed time: the shape FerretDB and MongoDB both serve well
    const query: FilterQuery<Open311RequestDoc> = {
      app: app.name,
      requestedAt: { $gte: filters.start, $lte: filters.end },
      ...(filters.serviceCodes ? { serviceCode: { $in: filters.serviceCodes } } : {}),
    };
    const requests = await this.requests.find(query).sort({ requestedAt: -1 }).limit(MAX_RESULTS).lean();
    return withStatus(await this.withCases(requests), filters.statuses);
  }

  /** Usually one request; more when several of the app's requests were merged into one case. */
  async byId(app: ClientApp, serviceRequestId: string): Promise<Open311ServiceRequest[]> {
    const found = await this.requestsOfCase(app, serviceRequestId);
    if (found.length === 0) throw new NotFoundException({ message: `服务请求 ${serviceRequestId} 不存在 service request not found` });
    return found;
  }

  /** The case number behind a token; a token still pending is registered now (idempotent), within the usual wait. */
  async token(app: ClientApp, token: string): Promise<Open311TokenAnswer> {
    const request = await this.requests.findOne({ _id: token, app: app.name }).lean();
    if (!request) throw new NotFoundException({ message: `token ${token} 不存在 token not found` });
    if (request.caseNumber) return { token, service_request_id: request.caseNumber };
    const registered = await this.registration.registerWithin(request);
    return { token, service_request_id: registered?.caseNumber ?? null };
  }

  /** The app's requests among a case's reports (the number names them; each is read by `_id`). */
  private async requestsOfCase(app: ClientApp, caseNumber: string): Promise<Open311ServiceRequest[]> {
    const found = await this.caseReports.all(caseNumber);
    if (!found) return [];
    const tokens = [found.first, ...found.joined].filter((report) => report._id.startsWith(OPEN311_SOURCE)).map((report) => report.sourceRef);
    const requests = (await Promise.all(tokens.map((token) => this.requests.findById(token).lean<Open311RequestDoc>()))).filter(
      (request): request is Open311RequestDoc => request?.app === app.name,
    );
    return this.withCases(requests.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()));
  }

  private async withCases(requests: Open311RequestDoc[]): Promise<Open311ServiceRequest[]> {
    const caseNumbers = [...new Set(requests.map((r) => r.caseNumber).filter((n): n is string => !!n))];
    const views = new Map<string, CaseForOpen311>();
    for (const view of await Promise.all(caseNumbers.map((n) => this.views.findById(n).lean<CaseViewDoc>()))) if (view) views.set(view._id, view);
    const names = (unitId: string) => this.routes.unitName(unitId);
    return requests.map((request) => toOpen311Request(request, request.caseNumber ? views.get(request.caseNumber) : undefined, names));
  }
}
