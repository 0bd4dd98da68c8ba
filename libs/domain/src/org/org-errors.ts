import { DomainError } from '../shared/domain-error';

export class InvalidOrgTree extends DomainError {
  constructor(readonly unitId: string, problemZh: string, problemEn: string) {
    super('INVALID_ORG_TREE', `组织架构中的单位 ${unitId} 有误：${problemZh}`, `Org unit '${unitId}' is invalid: ${problemEn}`);
  }
}

export class UnknownOrgUnit extends DomainError {
  constructor(readonly unitId: string) {
    super('UNKNOWN_ORG_UNIT', `组织架构中没有单位 ${unitId}`, `No org unit '${unitId}'`);
  }
}
