import { Injectable, NotFoundException } from '@nestjs/common';
import { RequestDays } from '../listing/request-days';
import { MAX_RESULTS, ServiceRequestFilters } from '../open311.dto';
import type { Open311RequestDoc } from '../open311-request.schema';
import { Open311ServiceRequest, Viewer, withStatus } from '../open311-request.view';
import { Open311Requests } from '../open311-requests';
import { ServiceRequestRegistration } from '../submit-service-request/service-request-registration';

export interface Open311TokenAnswer {
  token: string;
  service_request_id: string | null;
}

/**
 * GET requests, requests/{id} and tokens/{token}: open to anyone, as the spec has them, in the public view (no
 * resident's words, photo or contact; no doorstep where the category is sensitive); the app that posted a
 * request reads it in full with its key. Only Open311 requests are published: cases from the hotline, app reports
 * and patrols are not. Every read is by `_id`: ids through the case number's document, dates through the day lists.
 */
@Injectable()
export class FindServiceRequestsQuery {
  constructor(
    private readonly open311: Open311Requests,
    private readonly days: RequestDays,
    private readonly registration: ServiceRequestRegistration,
  ) {}

  async list(viewer: Viewer, filters: ServiceRequestFilters): Promise<Open311ServiceRequest[]> {
    if ('ids' in filters) {
      const found = await Promise.all(filters.ids.map((id) => this.open311.byServiceRequestId(id)));
      return this.open311.showAll(found.filter((r): r is Open311RequestDoc => !!r), viewer);
    }
    const shown: Open311ServiceRequest[] = [];
    // newest first; the status filter needs each request's case, so the list is read until the answer is full
    for (const entry of await this.days.between(filters.start, filters.end, filters.serviceCodes)) {
      const request = await this.open311.byToken(entry.token);
      if (!request?.serviceRequestId) continue; // not registered yet: it has no id to show (its token does)
      shown.push(...withStatus([await this.open311.show(request, viewer)], filters.statuses));
      if (shown.length >= MAX_RESULTS) break;
    }
    return shown;
  }

  async byId(viewer: Viewer, serviceRequestId: string): Promise<Open311ServiceRequest[]> {
    const request = await this.open311.byServiceRequestId(serviceRequestId);
    if (!request) throw new NotFoundException({ message: `服务请求 ${serviceRequestId} 不存在 service request not found` });
    return [await this.open311.show(request, viewer)];
  }

  /** The id behind a token; a token still pending is registered now (idempotent), within the usual wait. */
  async token(token: string): Promise<Open311TokenAnswer> {
    const request = await this.open311.byToken(token);
    if (!request) throw new NotFoundException({ message: `token ${token} 不存在 token not found` });
    if (request.serviceRequestId) return { token, service_request_id: request.serviceRequestId };
    const registered = await this.registration.registerWithin(request);
    return { token, service_request_id: registered?.serviceRequestId ?? null };
  }
}
