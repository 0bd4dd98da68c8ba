import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Client } from '@temporalio/client';
import { Model } from 'mongoose';
import { AuthUser, CONFIG } from '@civicflow/platform';
import { caseStatusQuery, CaseView } from '@civicflow/workflows';
import { CaseworkConfig } from '../config';
import { CaseReadDoc } from '../read-model/case-projection';
import { CASE_READ_MODEL } from '../read-model/read-model.schema';
import { caseJurisdiction, mayActOnCase } from './command-policy';
import { caseNotFound, toHttpError } from './command-errors';

/**
 * Reads a case's live status from its workflow and checks the user's jurisdiction over it: outside it the case
 * does not exist for the user (404, the same answer as a number nobody has), so case numbers cannot be probed.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly temporal: Client,
    @InjectModel(CASE_READ_MODEL) private readonly cases: Model<CaseReadDoc>,
    @Inject(CONFIG) private readonly config: CaseworkConfig,
  ) {}

  async statusFor(user: AuthUser, caseNumber: string): Promise<CaseView> {
    let view: CaseView;
    try {
      view = await this.temporal.workflow.getHandle(caseNumber).query(caseStatusQuery);
    } catch (error) {
      throw toHttpError(error, caseNumber);
    }
    // the read model knows the full org path (district, grid) from case.registered; the live view the current units
    const known = await this.cases.findById(caseNumber, { orgPath: 1 }).lean<Pick<CaseReadDoc, 'orgPath'>>();
    this.assertMayAct(user, caseNumber, caseJurisdiction(view, known?.orgPath ?? []));
    return view;
  }

  assertMayAct(user: AuthUser, caseNumber: string, scope: { orgPath: readonly string[]; departmentIds: readonly string[] }): void {
    if (!mayActOnCase(user, this.config.CASEWORK_CITY_UNIT_ID, scope)) throw caseNotFound(caseNumber);
  }

  get cityUnitId(): string {
    return this.config.CASEWORK_CITY_UNIT_ID;
  }
}
