import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CaseNumbers } from '../../cases/case-number/case-numbers';
import { CASE_VIEW_MODEL, CaseViewDoc } from '../../cases/case-view/case-view.schema';
import { GridRoutes } from '../../cases/routing/grid-routes';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from './open311-request.schema';
import { CaseForOpen311, Open311ServiceRequest, RequestCases, toOpen311Request, Viewer } from './open311-request.view';
import { parseServiceRequestId } from './service-request-ids';

const OPEN311_SOURCE = 'open311:';

/**
 * Open311 requests and where their cases stand, every read by `_id`: a request by its token; by its
 * service_request_id through the case number's document (which names the report that opened the case and those
 * joined to it); its case — and the master's, once merged — from intake's projection of the case events.
 */
@Injectable()
export class Open311Requests {
  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    @InjectModel(CASE_VIEW_MODEL) private readonly views: Model<CaseViewDoc>,
    private readonly numbers: CaseNumbers,
    private readonly routes: GridRoutes,
  ) {}

  byToken(token: string): Promise<Open311RequestDoc | null> {
    return this.requests.findById(token).lean<Open311RequestDoc>().exec();
  }

  /** The request a service_request_id names, if it is an Open311 request (a case opened by a call is not published). */
  async byServiceRequestId(id: string): Promise<Open311RequestDoc | undefined> {
    const parsed = parseServiceRequestId(id);
    if (!parsed) return undefined;
    const number = await this.numbers.find(parsed.caseNumber);
    if (!number || number.takenBy) return undefined;
    const source = parsed.joined === undefined ? number.source : number.joined[parsed.joined - 1];
    if (!source?.startsWith(OPEN311_SOURCE)) return undefined;
    const request = await this.byToken(source.slice(OPEN311_SOURCE.length));
    // the number's report is this request's once registration linked it (a number claimed and released names no one)
    if (!request || (request.caseNumber && request.caseNumber !== parsed.caseNumber)) return undefined;
    return { ...request, serviceRequestId: request.serviceRequestId ?? id.trim() };
  }

  /** The case the request's report became or joined, and the master's when that case was merged into another. */
  async casesOf(request: Pick<Open311RequestDoc, 'caseNumber'>): Promise<RequestCases> {
    if (!request.caseNumber) return {};
    const own = (await this.views.findById(request.caseNumber).lean<CaseViewDoc>()) ?? undefined;
    // a master merged in turn is followed a few steps, never round a loop
    let master: CaseForOpen311 | undefined;
    for (let next = own?.stage === 'merged' ? own.masterCaseNumber : undefined, hops = 0; next && hops < 4; hops++) {
      master = (await this.views.findById(next).lean<CaseViewDoc>()) ?? undefined;
      next = master?.stage === 'merged' ? master.masterCaseNumber : undefined;
    }
    return { own, master };
  }

  unitName = (unitId: string) => this.routes.unitName(unitId);

  async show(request: Open311RequestDoc, viewer: Viewer): Promise<Open311ServiceRequest> {
    return toOpen311Request(request, await this.casesOf(request), this.unitName, viewer);
  }

  async showAll(requests: Open311RequestDoc[], viewer: Viewer): Promise<Open311ServiceRequest[]> {
    return Promise.all(requests.map((request) => this.show(request, viewer)));
  }
}
