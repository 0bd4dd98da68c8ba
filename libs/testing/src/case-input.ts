import type { CaseWorkflowInput } from '@civicflow/workflows';

/** The demo city's 锦华社区 (友谊路街道): the `community` demo user's unit. */
export const DEMO_ROUTE = { gridId: 'bf-d01-s01-c01-g01', communityId: 'bf-d01-s01-c01', streetId: 'bf-d01-s01', districtId: 'bf-d01', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'] };

/** A routed hotline complaint (路灯不亮) for a case workflow started directly, with a random number of today. */
export function demoCaseInput(overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const caseNumber = overrides.caseNumber ?? `${today}-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  return {
    caseNumber, channel: 'hotline', sourceRef: `call-${caseNumber}`, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
    intakeStatus: 'routed', routing: DEMO_ROUTE, registeredAt: new Date().toISOString(), correlationId: `corr-${caseNumber}`, summary: '路灯不亮 street light out',
    ...overrides,
  };
}
