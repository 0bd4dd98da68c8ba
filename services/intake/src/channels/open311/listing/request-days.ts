import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Open311RequestDoc } from '../open311-request.schema';
import { DayBucketDoc, DayBuckets } from './day-buckets';
import { OPEN311_REQUEST_DAY_MODEL, RequestDayEntry } from './request-days.schema';

/** The requests received each day (China time), for GET requests by date: each day read by `_id`. */
@Injectable()
export class RequestDays {
  private readonly days: DayBuckets<RequestDayEntry>;

  constructor(@InjectModel(OPEN311_REQUEST_DAY_MODEL) model: Model<DayBucketDoc<RequestDayEntry>>) {
    this.days = new DayBuckets(model.collection, 'token');
  }

  async add(request: Pick<Open311RequestDoc, '_id' | 'serviceCode' | 'requestedAt'>): Promise<void> {
    await this.days.add(request.requestedAt, { token: request._id, serviceCode: request.serviceCode, at: request.requestedAt });
  }

  /** Requests received between start and end, newest first. */
  async between(start: Date, end: Date, serviceCodes?: readonly string[]): Promise<RequestDayEntry[]> {
    const entries = await this.days.between(start, end);
    return entries
      .filter((e) => new Date(e.at) >= start && new Date(e.at) <= end && (!serviceCodes || serviceCodes.includes(e.serviceCode)))
      .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  }
}
