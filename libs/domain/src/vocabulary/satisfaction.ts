import { type Labels, reader } from './spelling';

/** 回访满意度: 满意 / 基本满意 / 不满意. */
export const SATISFACTIONS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SATISFACTION_LABELS: Labels<Satisfaction> = {
  satisfied: { zh: '满意', en: 'satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'unsatisfied' },
};

/** The domain once said basicallySatisfied and dissatisfied. */
export const readSatisfaction = reader(SATISFACTIONS, { basicallySatisfied: 'basically-satisfied', dissatisfied: 'unsatisfied' });
