import { callLoggedV1, EventData, RequestType, Urgency } from '@civicflow/contracts';
import { EventDraft } from '@civicflow/platform';
import { CallDoc } from './call.schema';

/**
 * hotline.call-logged as built from the stored call, by the use case and by the outbox relay alike. The event id is
 * derived from the call id, so a relay that sends it again after a slow first send makes no second case.
 */
export function callLoggedDraft(call: CallDoc): EventDraft<typeof callLoggedV1> {
  const data: EventData<typeof callLoggedV1> = {
    callId: call._id,
    receivedAt: call.receivedAt.toISOString(),
    callerRef: call.callerHash,
    callerMasked: call.callerMasked,
    content: call.content,
    requestType: call.requestType as RequestType,
    urgency: call.urgency as Urgency,
    ...(call.categoryCode ? { categoryCode: call.categoryCode } : {}),
    ...(call.address ? { address: call.address } : {}),
    ...(call.location ? { location: { lng: call.location.lng, lat: call.location.lat } } : {}),
    ...(call.answeredDirectly ? { answeredDirectly: { articleId: call.answeredDirectly.articleId, answer: call.answeredDirectly.answer } } : {}),
    ...(call.joinCaseNumber ? { joinCaseNumber: call.joinCaseNumber } : {}),
  };
  return {
    id: `${call._id}:logged`,
    key: call._id,
    correlationId: call._id,
    time: call.receivedAt,
    actor: { userId: call.operatorId, role: call.operatorRole ?? 'operator', ...(call.operatorUnitId ? { unitId: call.operatorUnitId } : {}) },
    data,
  };
}
