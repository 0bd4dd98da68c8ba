import { z } from 'zod';

/**
 * 五色户卡 — CivicFlow's legend. Cities differ in the detail (Baotou's cards are the model); what matters is
 * that a grid worker sees at a glance which doors need a visit first. A household carries one card: the colour
 * of its most pressing need, in the order of CARD_PRIORITY; the other needs stay in its `reasons`.
 */
export const HOUSEHOLD_CARDS = {
  orange: { zh: '橙卡 重点关注户', en: 'focus household: at risk (community correction, severe mental illness, unresolved disputes)' },
  yellow: { zh: '黄卡 关爱帮扶户', en: 'care household: elderly living alone, empty-nest, disabled, left-behind children' },
  blue: { zh: '蓝卡 困难救助户', en: 'low-income household: subsistence allowance (低保), extreme poverty (特困)' },
  red: { zh: '红卡 党员户', en: 'party-member household, incl. 党员中心户 who look after their neighbours' },
  green: { zh: '绿卡 普通户', en: 'ordinary household' },
} as const;

export type HouseholdCard = keyof typeof HOUSEHOLD_CARDS;

/** Most pressing first: a household that is both elderly-alone and low-income carries a yellow card. */
export const CARD_PRIORITY: readonly HouseholdCard[] = ['orange', 'yellow', 'blue', 'red', 'green'];

export const householdCardSchema = z.enum(CARD_PRIORITY as [HouseholdCard, ...HouseholdCard[]]);
