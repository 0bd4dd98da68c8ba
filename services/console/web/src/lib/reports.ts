// Pure helpers of the scoring policy and monthly report screens.
import { addChinaDays } from './china-time';

/** The month before the one a China day is in, YYYY-MM. */
export function lastMonth(today: string): string {
  return addChinaDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * The policy form's field a server objection names: nested fields by their path ('lists.size'); 'weights' (their
 * sum) under the last weight and 'lists' under its first field, so every objection shows beside a field.
 */
export function policyFormField(field: string): string[] {
  if (field === 'weights') return ['weights', 'satisfaction'];
  if (field === 'lists') return ['lists', 'size'];
  return field.split('.');
}
