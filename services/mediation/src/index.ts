export * from './config';
export * from './create-app';
export { MediationModule } from './app.module';
export { OrgUnits } from './committees/org-units';
export { planDemoCommittees, DEMO_MEDIATOR } from './committees/demo-committees';
export { toFiguresRecord } from './figures/figures';
