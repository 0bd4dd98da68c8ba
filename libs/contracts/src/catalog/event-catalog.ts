import { EventContract } from './define-event';
import { callLoggedV1 } from '../hotline/call-logged.event';
import { caseRegisteredV1 } from '../case/case-registered.event';

/** Every event CivicFlow produces. Producers and consumers validate against these; docs/events.md is generated from them. */
export const eventCatalog: readonly EventContract[] = [callLoggedV1, caseRegisteredV1];

const byTypeAndVersion = new Map(eventCatalog.map((c) => [`${c.type}@${c.version}`, c]));

export function findContract(type: string, version: number): EventContract | undefined {
  return byTypeAndVersion.get(`${type}@${version}`);
}

export function contractsOnTopic(topic: string): EventContract[] {
  return eventCatalog.filter((c) => c.topic === topic);
}
