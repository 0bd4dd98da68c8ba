// The one place this service imports the mediation workflow's contract from (workflows/src/mediation).
export {
  MEDIATION_WORKFLOW_TYPE,
  MEDIATION_COMMAND_REJECTED,
  mediationWorkflowId,
  assignMediatorUpdate,
  scheduleSessionUpdate,
  recordSessionUpdate,
  reachAgreementUpdate,
  recordFailureUpdate,
  followUpTermUpdate,
  mediationStatusQuery,
  caseStatusQuery,
} from '@civicflow/workflows';
export type {
  MediationWorkflowInput,
  MediationActor,
  MediationView,
  AgreementTerm,
  MediationGuidance,
} from '@civicflow/workflows';
