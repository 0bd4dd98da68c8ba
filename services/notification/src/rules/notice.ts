import { EventContract, EventOf } from '@civicflow/contracts';
import { CaseFactsRecorder } from '../cases/case-facts';
import { ChannelName } from '../channels/notification-channel';
import { DisputeFactsRecorder } from '../disputes/dispute-facts';
import { QuietHours } from '../deliveries/quiet-hours';
import { Audience } from '../recipients/recipient';
import { MessageFacts, TemplateKey } from '../templates/message-templates';

/** "Tell these people this": what a rule makes of an event, before anyone is looked up. */
export interface Notice {
  template: TemplateKey;
  audience: Audience;
  /** Channels to try; defaults: citizens by SMS and WeChat, users in the inbox and by email. */
  channels?: readonly ChannelName[];
  /** Urgent notices are sent during quiet hours too. */
  urgent?: boolean;
  facts: MessageFacts;
}

export interface RuleContext {
  facts: CaseFactsRecorder;
  /** what the mediation events left out: a dispute's community, case, type and mediator */
  disputes: DisputeFactsRecorder;
  /** the city's root unit (NOTIFICATION_CITY_UNIT_ID) */
  cityUnitId: string;
  now: Date;
  /** NOTIFICATION_QUIET_HOURS, for rules that decide whether a notice may wait for their end */
  quietHours?: QuietHours;
}

/** How one event type is told: what to remember for later notices, and who hears what now. */
export interface NotificationRule<C extends EventContract = EventContract> {
  contract: C;
  /** Facts later notices need (who reported a case, its category); runs before `notices`. */
  remember?: (event: EventOf<C>, context: RuleContext) => Promise<void>;
  notices: (event: EventOf<C>, context: RuleContext) => Notice[] | Promise<Notice[]>;
}

/** An event of a notified context that tells no one, on purpose; `why` is the one-line reason. */
export interface SilentEvent {
  contract: EventContract;
  why: string;
}

/** Keeps each rule typed by its own contract inside one list (the consumer hands a rule only events of its contract). */
export function rule<C extends EventContract>(definition: NotificationRule<C>): NotificationRule {
  return definition as unknown as NotificationRule;
}
