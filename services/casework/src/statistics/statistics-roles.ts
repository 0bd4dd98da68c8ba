import { type Role, rolesWithScreen } from '@civicflow/domain';

// Who may call the statistics APIs, from the one role table (the console's screens), so a role given a screen there
// is let in here too; street and community staff besides, for their own units' figures.

/** The figures, the breach board and the scoring policy in force: whoever has the figures or breaches screen, and street and community staff. */
export const FIGURES_READERS: Role[] = [...new Set([...rolesWithScreen('figures'), ...rolesWithScreen('breaches'), 'street-coordinator' as const, 'community-handler' as const])];

/** A new scoring policy version: whoever has the policy screen (考核口径). */
export const POLICY_EDITORS: Role[] = rolesWithScreen('policy');

/** Generating the monthly 考核 report: whoever has the reports screen. */
export const REPORT_GENERATORS: Role[] = rolesWithScreen('reports');

/** Listing and downloading the reports: whoever has the reports screen, and street staff (their street's place in the ranking). */
export const REPORT_READERS: Role[] = [...new Set([...rolesWithScreen('reports'), 'street-coordinator' as const])];
