// One planning pipeline for rule tests: the real use case, resolver, rules and templates over typed fakes.
import { EventContract, EventData } from '@civicflow/contracts';
import { buildEvent } from '@civicflow/platform';
import { ChannelName } from '../channels/notification-channel';
import { ManualClock } from '../clock/clock';
import { InMemoryDeliveryStore } from '../deliveries/in-memory-delivery-store';
import { PlanDeliveriesUseCase } from '../deliveries/plan-deliveries/plan-deliveries.usecase';
import { parseQuietHours } from '../deliveries/quiet-hours';
import { RecipientResolver } from '../recipients/recipient-resolver';
import { FakeDirectory, InMemoryCaseFacts, InMemoryDisputeFacts } from './fakes';

export const CASE = '20260310-000042';
export const CITY = 'bf';
export const STREET = 'bf-d01-s01';
export const COMMUNITY = 'bf-d01-s01-c01';
export const ORG_PATH = [CITY, 'bf-d01', STREET, COMMUNITY, `${COMMUNITY}-g01`];

export const event = <C extends EventContract>(contract: C, key: string, data: EventData<C>, id?: string) =>
  buildEvent(contract, 'test', { key, correlationId: key, data, id });

/** The demo city's people: two community handlers (one reads English), a street, two departments, the city's staff, mediators. */
export function planningFixture(options: { quietHours?: string; channels?: ChannelName[]; at?: string } = {}) {
  const directory = new FakeDirectory()
    .addUser({ userId: 'liu', name: '刘社区', role: 'community-handler', unitId: COMMUNITY })
    .addUser({ userId: 'ma', name: '马社区', role: 'community-handler', unitId: COMMUNITY, locale: 'en', email: 'ma@example.gov.cn' })
    .addUser({ userId: 'li', name: '李派单', role: 'dispatcher', unitId: CITY })
    .addUser({ userId: 'wang', name: '王话务', role: 'operator', unitId: CITY })
    .addUser({ userId: 'zhao', name: '赵街道', role: 'street-coordinator', unitId: STREET })
    .addUser({ userId: 'sun', name: '孙城管', role: 'department-liaison', unitId: 'dept-urban-management' })
    .addUser({ userId: 'qian', name: '钱水务', role: 'department-liaison', unitId: 'dept-water-affairs', locale: 'en' })
    .addUser({ userId: 'zhou', name: '周督查', role: 'supervisor', unitId: CITY })
    .addUser({ userId: 'admin', name: '系统管理员', role: 'admin', unitId: CITY })
    .addUser({ userId: 'chen', name: '陈调解', role: 'mediator', unitId: COMMUNITY })
    .addUser({ userId: 'he', name: '何调解', role: 'mediator', unitId: STREET })
    .addCitizen({ citizenRef: 'caller-hash-1', phone: '13900001111', wechatOpenId: 'oWx-1' })
    .addCitizen({ citizenRef: 'caller-hash-2', phone: '13900002222', locale: 'en' });
  directory.units.set(COMMUNITY, { zh: '阳光社区', en: 'Yangguang Community' });
  directory.units.set('dept-urban-management', { zh: '城管局', en: 'Urban Management Bureau' });
  const cases = new InMemoryCaseFacts();
  const disputes = new InMemoryDisputeFacts();
  const store = new InMemoryDeliveryStore();
  const clock = new ManualClock(options.at ?? '2026-03-10T10:00:00+08:00');
  const plan = new PlanDeliveriesUseCase(new RecipientResolver(directory, cases), directory, cases, disputes, store, clock, {
    cityUnitId: CITY,
    defaultLocale: 'zh-CN',
    quietHours: parseQuietHours(options.quietHours ?? '22:00-07:00'),
    enabledChannels: new Set(options.channels ?? ['inbox', 'sms', 'wechat']),
  });
  return { plan, store, cases, disputes, clock, directory };
}

/** Deliveries as `template → recipient:channel` lines, the shape rule tests compare. */
export const who = (planned: { recipient: { id: string }; channel: string; template: string }[]) =>
  planned.map((d) => `${d.template} → ${d.recipient.id}:${d.channel}`);
