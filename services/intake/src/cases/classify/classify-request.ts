import { BadRequestException } from '@nestjs/common';
import { Priority, TaxonomyIndex } from '@civicflow/domain';
import { RequestType, Urgency } from '@civicflow/contracts';

export interface Classification {
  categoryCode?: string;
  priority: Priority;
  slaProfile: string;
  department?: string;
  isDispute: boolean;
}

/** A request names a category or request type the taxonomy does not allow; HTTP answers 400, Kafka dead-letters. */
export class ClassificationError extends BadRequestException {
  constructor(readonly field: string, reason: string) {
    super({ message: reason, errors: [{ field, reason }] });
  }
}

const PRIORITY_ORDER: Priority[] = ['urgent', 'high', 'normal', 'low'];

/**
 * 分类定级: the category decides the owning department, the SLA profile and a default priority; the
 * operator's urgency can raise the priority but never lower it below the category's default.
 */
export function classifyRequest(taxonomy: TaxonomyIndex, request: { categoryCode?: string; requestType: RequestType; urgency: Urgency }): Classification {
  if (!request.categoryCode) {
    return { priority: request.urgency, slaProfile: request.urgency === 'urgent' ? 'life-safety-2h' : 'standard', isDispute: false };
  }
  const minor = taxonomy.minorByCode(request.categoryCode);
  if (!minor) throw new ClassificationError('categoryCode', `未知的诉求分类 unknown category ${request.categoryCode}`);
  if (!minor.requestTypes.includes(request.requestType)) {
    throw new ClassificationError('requestType', `分类 ${minor.code} ${minor.zh} 不受理 ${request.requestType} category does not take this request type (allowed: ${minor.requestTypes.join(', ')})`);
  }
  const priority = PRIORITY_ORDER[Math.min(PRIORITY_ORDER.indexOf(minor.priority), PRIORITY_ORDER.indexOf(request.urgency))];
  return { categoryCode: minor.code, priority, slaProfile: minor.slaProfile, department: minor.department, isDispute: minor.isDispute };
}
