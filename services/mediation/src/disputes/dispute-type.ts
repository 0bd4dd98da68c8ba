import { disputeTypeForCategory } from '@civicflow/domain';
import { DisputeType } from './dispute';

/** The dispute type of a category (the domain's table); a dispute category it does not list is 'other'. */
export function disputeTypeOfCategory(categoryCode: string | undefined | null): DisputeType {
  return (categoryCode && disputeTypeForCategory(categoryCode)) || 'other';
}
