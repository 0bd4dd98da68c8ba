import {
  callLoggedV1, caseAcceptedV1, caseDepartmentsSummonedV1, caseDispatchedV1, caseEscalatedV1, caseRegisteredV1, caseResolvedV1, caseSlaBreachedV1,
  caseSlaWarningV1, caseSupervisionIssuedV1, duplicateMergedV1, EventData, manualDispatchQueuedV1, SlaSnapshot,
} from '@civicflow/contracts';
import { ChannelName } from '../../channels/notification-channel';
import { CASE, event, ORG_PATH, planningFixture as setup, who } from '../../testing/planning-fixture';

const registered = (overrides: Partial<EventData<typeof caseRegisteredV1>> = {}) => {
  const caseNumber = overrides.caseNumber ?? CASE;
  return event(caseRegisteredV1, caseNumber, {
    caseNumber, channel: 'hotline', sourceRef: 'call-1', requestType: 'complaint', urgency: 'normal', categoryCode: '0501',
    intakeStatus: 'routed', orgPath: ORG_PATH, registeredAt: '2026-03-10T02:00:00Z', ...overrides,
  }, `${caseNumber}:registered`); // the workflow's deterministic id: a redelivery is the same event
};

describe('planning deliveries from events', () => {
  it('case.registered: the caller of the hotline call gets an SMS and a WeChat message, in Chinese', async () => {
    const { plan, cases } = setup();
    await plan.execute(event(callLoggedV1, 'call-1', {
      callId: 'call-1', receivedAt: '2026-03-10T01:59:00Z', callerRef: 'caller-hash-1', callerMasked: '139****1111',
      content: '路灯不亮', requestType: 'complaint', urgency: 'normal',
    }));
    const planned = await plan.execute(registered());
    expect(planned.map((d) => [d.channel, d.recipient.id, d.status])).toEqual([
      ['sms', 'caller-hash-1', 'pending'],
      ['wechat', 'caller-hash-1', 'pending'],
    ]);
    expect(planned[0]).toMatchObject({ id: `${CASE}:registered|citizen:caller-hash-1|sms`, caseNumber: CASE, template: 'case-registered.citizen', locale: 'zh-CN', urgent: false });
    expect(planned[0].message.sms).toContain('将由阳光社区办理');
    expect((await cases.get(CASE))?.reporterRefs).toEqual(['caller-hash-1']);
  });

  it('is idempotent: the same event again plans nothing new', async () => {
    const { plan, store } = setup();
    expect(await plan.execute(registered())).toHaveLength(1); // caller unknown yet: one SMS delivery to the source
    expect(await plan.execute(registered())).toEqual([]);
    expect(store.byId.size).toBe(1);
  });

  it('plans an SMS to a caller not yet known, to be resolved when sent', async () => {
    const { plan } = setup();
    const [only] = await plan.execute(registered());
    expect(only).toMatchObject({ channel: 'sms', recipient: { kind: 'citizen', id: 'source:hotline:call-1' } });
  });

  it('tells no one about a call answered on the spot (一次办结)', async () => {
    const { plan } = setup();
    expect(await plan.execute(registered({ intakeStatus: 'closed' }))).toEqual([]);
  });

  it('holds non-urgent SMS and WeChat in quiet hours, lets urgent ones through', async () => {
    const night = setup({ at: '2026-03-10T23:30:00+08:00' });
    await night.cases.recordSource('hotline', 'call-1', 'caller-hash-1');
    const held = await night.plan.execute(registered());
    expect(held.map((d) => d.status)).toEqual(['held-for-quiet-hours', 'held-for-quiet-hours']);
    expect(held[0].nextAttemptAt).toEqual(new Date('2026-03-11T07:00:00+08:00'));

    const urgent = await night.plan.execute(registered({ caseNumber: '20260310-000043', urgency: 'urgent' }));
    expect(urgent.map((d) => [d.status, d.urgent])).toEqual([['pending', true], ['pending', true]]);
  });

  it('intake.duplicate-merged: the extra reporter hears which case they joined, and is remembered for the outcome', async () => {
    const { plan, cases } = setup();
    await cases.recordCase(CASE, { categoryCode: '0501' });
    await cases.addReporter(CASE, 'caller-hash-1');
    const planned = await plan.execute(event(duplicateMergedV1, CASE, {
      masterCaseNumber: CASE, channel: 'hotline', sourceRef: 'call-2', reporterRef: 'caller-hash-2', distanceMeters: 40,
    }));
    expect(planned.map((d) => [d.channel, d.recipient.id, d.locale])).toEqual([['sms', 'caller-hash-2', 'en']]);
    expect(planned[0].message.sms).toBe(`Your report joined case ${CASE} (same problem already reported). You will hear the outcome.`);
    expect((await cases.get(CASE))?.reporterRefs).toEqual(['caller-hash-1', 'caller-hash-2']);
  });

  it('case.resolved: every reporter by SMS, and the handling community\'s users in their inbox', async () => {
    const { plan, cases } = setup({ channels: ['inbox', 'sms', 'wechat', 'email'] });
    await cases.recordCase(CASE, { categoryCode: '0501', orgPath: ORG_PATH });
    await cases.addReporter(CASE, 'caller-hash-1');
    await cases.addReporter(CASE, 'caller-hash-2');
    const planned = await plan.execute(event(caseResolvedV1, CASE, {
      caseNumber: CASE, resolvedAt: '2026-03-11T02:00:00Z', level: 'community', unitId: 'bf-d01-s01-c01',
      summary: '已更换灯头，恢复照明', callbackDueAt: '2026-03-12T02:00:00Z',
    }));
    expect(planned.map((d) => `${d.recipient.kind}:${d.recipient.id}:${d.channel}`)).toEqual([
      'citizen:caller-hash-1:sms', 'citizen:caller-hash-1:wechat', 'citizen:caller-hash-2:sms',
      'user:liu:inbox', 'user:ma:inbox', 'user:ma:email',
    ]);
    const liu = planned.find((d) => d.recipient.id === 'liu')!;
    expect(liu.message.title).toBe(`案件已办结 ${CASE}`);
    expect(planned.find((d) => d.recipient.id === 'ma')!.message.title).toBe(`Case resolved: ${CASE}`);
  });

  it('intake.manual-dispatch-queued: the city\'s dispatchers, in their inbox only', async () => {
    const { plan } = setup();
    const planned = await plan.execute(event(manualDispatchQueuedV1, CASE, { caseNumber: CASE, reason: 'outside-every-grid' }));
    expect(planned.map((d) => `${d.recipient.id}:${d.channel}:${d.status}`)).toEqual(['li:inbox:pending']);
    expect(planned[0].message.body).toContain('位置不在任何网格内');
  });

  it('leaves out channels that are not configured or that the recipient cannot be reached on', async () => {
    const { plan, cases } = setup({ channels: ['inbox', 'sms'] });
    await cases.recordSource('hotline', 'call-1', 'caller-hash-1');
    expect((await plan.execute(registered())).map((d) => d.channel)).toEqual(['sms']); // no WeChat channel configured
  });

  describe('the case ladder', () => {
    const STREET = 'bf-d01-s01';
    const COMMUNITY = 'bf-d01-s01-c01';
    const sla = (window: SlaSnapshot['window'], deadline: string): SlaSnapshot => ({
      window, startedAt: '2026-03-10T02:00:00Z', status: 'on-track', paused: false, deadline, warningAt: null,
    });
    type Transition = Pick<EventData<typeof caseAcceptedV1>, 'stage' | 'level' | 'unitId' | 'sla'>;
    let sequence = 1;
    const base = (t: Transition) => ({ caseNumber: CASE, sequence: ++sequence, occurredAt: '2026-03-10T02:05:00Z', ...t });
    const atCommunity: Transition = { stage: 'in-handling', level: 'community', unitId: COMMUNITY, sla: sla('community-handling', '2026-03-13T09:00:00Z') };
    const atStreet: Transition = { stage: 'in-handling', level: 'street', unitId: STREET, sla: sla('street-handling', '2026-03-16T09:00:00Z') };

    async function dispatchedCase(channels?: ChannelName[]) {
      const env = setup({ channels });
      await env.cases.recordCase(CASE, { categoryCode: '0501', orgPath: ORG_PATH });
      await env.cases.addReporter(CASE, 'caller-hash-1');
      const planned = await env.plan.execute(event(caseDispatchedV1, CASE, {
        ...base({ stage: 'dispatched', level: 'community', unitId: COMMUNITY, sla: sla('acceptance', '2026-03-10T06:00:00Z') }),
        route: { streetId: STREET, communityId: COMMUNITY, gridId: `${COMMUNITY}-g01` }, assigneeUnitId: COMMUNITY, redispatch: false,
      }));
      return { ...env, planned };
    }

    it('case.dispatched: the community\'s handlers, in their inbox only, with the acceptance deadline', async () => {
      const { planned } = await dispatchedCase(['inbox', 'sms', 'email']);
      expect(who(planned)).toEqual(['case-dispatched.assignee → liu:inbox', 'case-dispatched.assignee → ma:inbox']);
      expect(planned[0].message.body).toContain('已于 2026年3月10日 10:05 派至阳光社区，请在 2026年3月10日 14:00 前签收');
      expect(planned[1].message.title).toBe(`New case to accept: ${CASE}`);
    });

    it('case.dispatched straight to the street (or re-dispatched): the street\'s coordinator', async () => {
      const { plan } = setup();
      const planned = await plan.execute(event(caseDispatchedV1, CASE, {
        ...base({ stage: 'dispatched', level: 'street', unitId: STREET, sla: sla('acceptance', '2026-03-10T06:00:00Z') }),
        route: { streetId: STREET }, assigneeUnitId: STREET, redispatch: true,
      }));
      expect(who(planned)).toEqual(['case-dispatched.redispatch → zhao:inbox']);
    });

    it('case.accepted: every reporter by SMS only', async () => {
      const { plan } = await dispatchedCase();
      const planned = await plan.execute(event(caseAcceptedV1, CASE, base(atCommunity)));
      expect(who(planned)).toEqual(['case-accepted.citizen → caller-hash-1:sms']);
      expect(planned[0].message.sms).toBe(`您反映的问题（编号${CASE}）已由阳光社区签收办理，办结后将告知您。`);
    });

    it('case.sla-warning on the community\'s window: its handlers and the street\'s coordinator (learned from the dispatch)', async () => {
      const { plan } = await dispatchedCase();
      const planned = await plan.execute(event(caseSlaWarningV1, CASE, { ...base(atCommunity), window: 'community-handling', deadline: '2026-03-13T09:00:00Z' }));
      expect(who(planned)).toEqual(['case-sla-warning.owner → liu:inbox', 'case-sla-warning.owner → ma:inbox', 'case-sla-warning.next-level → zhao:inbox']);
      expect(planned[0].message.body).toBe(`案件 ${CASE}（${planned[0].message.fields.category}）的社区办理时限将于 2026年3月13日 17:00 到期，请抓紧办理。`);
    });

    it('case.sla-warning on the street\'s window: the coordinator and the city\'s supervisors', async () => {
      const { plan } = setup();
      const planned = await plan.execute(event(caseSlaWarningV1, CASE, { ...base(atStreet), window: 'street-handling', deadline: '2026-03-16T09:00:00Z' }));
      expect(who(planned)).toEqual(['case-sla-warning.owner → zhao:inbox', 'case-sla-warning.next-level → zhou:inbox']);
    });

    it('case.sla-warning on a department\'s window: its liaison and the street that summoned it; the callback window tells no one', async () => {
      const { plan } = await dispatchedCase();
      const atDepartment: Transition = { ...atStreet, level: 'department' };
      const planned = await plan.execute(event(caseSlaWarningV1, CASE, {
        ...base(atDepartment), window: 'department-report-in', departmentId: 'dept-urban-management', summonsId: `${CASE}:summons:dept-urban-management:1`, deadline: '2026-03-10T09:00:00Z',
      }));
      expect(who(planned)).toEqual(['case-sla-warning.owner → sun:inbox', 'case-sla-warning.next-level → zhao:inbox']);
      expect(await plan.execute(event(caseSlaWarningV1, CASE, { ...base(atCommunity), stage: 'resolved', window: 'callback', deadline: null }))).toEqual([]);
    });

    it('case.sla-breached: the community\'s breach goes to the street and the supervisors, the street\'s to the supervisors, urgent', async () => {
      const { plan } = await dispatchedCase();
      const community = await plan.execute(event(caseSlaBreachedV1, CASE, { ...base(atCommunity), window: 'acceptance', deadline: '2026-03-10T06:00:00Z', action: 'escalated' }));
      expect(who(community)).toEqual([
        'case-sla-breached.owner → liu:inbox', 'case-sla-breached.owner → ma:inbox', 'case-sla-breached.next-level → zhao:inbox', 'case-sla-breached.supervisors → zhou:inbox',
      ]);
      expect(community.every((d) => d.urgent)).toBe(true);
      const street = await plan.execute(event(caseSlaBreachedV1, CASE, { ...base(atStreet), window: 'street-handling', deadline: '2026-03-16T09:00:00Z', action: 'supervision' }));
      expect(who(street)).toEqual(['case-sla-breached.owner → zhao:inbox', 'case-sla-breached.supervisors → zhou:inbox']);
      expect(street[1].message.body).toContain('街道办理时限已于 2026年3月16日 17:00 届满');
    });

    it('case.escalated: the street\'s coordinator', async () => {
      const { plan } = await dispatchedCase();
      const planned = await plan.execute(event(caseEscalatedV1, CASE, { ...base(atStreet), trigger: 'early', from: 'community', to: 'street', note: '需城管执法' }));
      expect(who(planned)).toEqual(['case-escalated.street → zhao:inbox']);
      expect(planned[0].message.body).toContain('因社区提请提前升级');
      expect(planned[0].message.body).toContain('说明：需城管执法');
    });

    it('case.departments-summoned: each department\'s liaison (unit dept-<code>), in their language', async () => {
      const { plan } = setup();
      const planned = await plan.execute(event(caseDepartmentsSummonedV1, CASE, {
        ...base({ ...atStreet, level: 'department' }),
        summonses: [
          { departmentId: 'dept-urban-management', summonsId: `${CASE}:summons:dept-urban-management:1`, sla: sla('department-report-in', '2026-03-10T09:00:00Z') },
          { departmentId: 'water-affairs', summonsId: `${CASE}:summons:water-affairs:1`, sla: null },
        ],
      }));
      expect(who(planned)).toEqual(['case-departments-summoned.liaison → sun:inbox', 'case-departments-summoned.liaison → qian:inbox']);
      expect(planned[0].message.body).toContain('请本部门在 2026年3月10日 17:00 前报到');
      expect(planned[1].message.title).toBe(`Summoned by the street: ${CASE}`);
    });

    it('case.supervision-issued: the unit holding the case, and the department whose breach caused it', async () => {
      const { plan } = await dispatchedCase();
      const planned = await plan.execute(event(caseSupervisionIssuedV1, CASE, {
        ...base({ ...atStreet, level: 'supervision' }), notice: '请于三日内办结并报送结果', automatic: true, departmentId: 'dept-urban-management',
      }));
      expect(who(planned)).toEqual(['case-supervision-issued.unit → zhao:inbox', 'case-supervision-issued.unit → sun:inbox']);
      expect(planned.every((d) => d.urgent)).toBe(true);
      const atCommunityUnderSupervision = await plan.execute(event(caseSupervisionIssuedV1, CASE, {
        ...base({ ...atCommunity, level: 'supervision' }), notice: '请加快办理', automatic: false,
      }));
      expect(who(atCommunityUnderSupervision)).toEqual(['case-supervision-issued.unit → liu:inbox', 'case-supervision-issued.unit → ma:inbox']);
    });

    it('case.resolved under supervision: the street holding it and the city\'s supervisors', async () => {
      const { plan } = await dispatchedCase();
      const planned = await plan.execute(event(caseResolvedV1, CASE, {
        caseNumber: CASE, resolvedAt: '2026-03-17T02:00:00Z', level: 'supervision', unitId: STREET, summary: '已处置', callbackDueAt: '2026-03-18T02:00:00Z',
      }));
      expect(who(planned).filter((line) => line.includes('handling-unit'))).toEqual(['case-resolved.handling-unit → zhao:inbox', 'case-resolved.handling-unit → zhou:inbox']);
    });
  });
});
