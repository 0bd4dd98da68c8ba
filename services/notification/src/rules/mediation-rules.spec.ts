import {
  agreementFollowedUpV1, agreementReachedV1, caseRegisteredV1, disputeOpenedV1, disputeReopenedV1, followUpDueV1, mediationFailedV1, mediatorAssignedV1, sessionHeldV1, sessionReminderV1,
  sessionScheduledV1,
} from '@civicflow/contracts';
import { CASE, COMMUNITY, event, ORG_PATH, planningFixture, STREET, who } from '../testing/planning-fixture';

const DISPUTE = 'dsp-20260310-0007';
const at = '2026-03-10T02:00:00Z';
const ref = { disputeId: DISPUTE, occurredAt: at };

/** A walk-in neighbour dispute in the fixture's community, with the community's mediator chen assigned. */
async function assignedDispute(options: { fromCase?: boolean } = {}) {
  const env = planningFixture();
  const caseNumber = options.fromCase ? CASE : undefined;
  const opened = await env.plan.execute(event(disputeOpenedV1, DISPUTE, { ...ref, caseNumber, disputeType: 'neighbour', communityId: COMMUNITY }));
  const assigned = await env.plan.execute(event(mediatorAssignedV1, DISPUTE, { ...ref, caseNumber, mediatorId: 'chen', committeeId: `${COMMUNITY}-tjwyh`, level: 'community' }));
  return { ...env, opened, assigned };
}

describe('mediation rules', () => {
  it('mediation.dispute-opened: the community\'s mediators, to assign one; mediator-assigned: the mediator', async () => {
    const { opened, assigned, disputes } = await assignedDispute();
    expect(who(opened)).toEqual(['dispute-opened.mediators → chen:inbox']);
    expect(opened[0].message.body).toBe(`阳光社区于 2026年3月10日 10:00 受理一起邻里纠纷（编号 ${DISPUTE}），请指派调解员。`);
    expect(opened[0].message.link).toBe(`/disputes/${DISPUTE}`);
    expect(opened[0].caseNumber).toBeUndefined();

    expect(who(assigned)).toEqual(['mediator-assigned.mediator → chen:inbox']);
    expect(assigned[0].message.title).toBe(`您已被指派调解 ${DISPUTE}`);
    expect(await disputes.get(DISPUTE)).toEqual({ disputeId: DISPUTE, communityId: COMMUNITY, disputeType: 'neighbour', mediatorId: 'chen', level: 'community' });
  });

  it('a dispute from a case carries the case number, so the case\'s delivery list shows its notices', async () => {
    const env = planningFixture();
    await env.plan.execute(event(caseRegisteredV1, CASE, {
      caseNumber: CASE, channel: 'hotline', sourceRef: 'call-1', requestType: 'complaint', urgency: 'normal', categoryCode: '0501', orgPath: ORG_PATH, registeredAt: at,
    }));
    const opened = await env.plan.execute(event(disputeOpenedV1, DISPUTE, { ...ref, caseNumber: CASE, disputeType: 'property-management', communityId: COMMUNITY }));
    expect(opened[0]).toMatchObject({ caseNumber: CASE });
    expect(opened[0].message.body).toContain(`物业纠纷（编号 ${DISPUTE}，来自案件 ${CASE}）`);
  });

  it('mediation.session-scheduled: the mediator and the attendees who are users, each once; parties are never messaged', async () => {
    const { plan } = await assignedDispute();
    const planned = await plan.execute(event(sessionScheduledV1, DISPUTE, {
      ...ref, sessionId: 's1', startsAt: '2026-03-12T06:30:00Z', place: '阳光社区调解室', consultation: true,
      attendeeIds: ['chen', 'liu', 'party-zhang-san', 'party-li-si'],
    }));
    expect(who(planned)).toEqual(['session-scheduled.attendee → chen:inbox', 'session-scheduled.attendee → liu:inbox']);
    expect(planned[0].message.body).toBe(`邻里纠纷（编号 ${DISPUTE}）的“3+X”协商会议定于 2026年3月12日 14:30 在阳光社区调解室举行，请准时参加。`);
    expect(planned[0].message.fields).toMatchObject({ disputeId: DISPUTE, place: '阳光社区调解室', time: '2026年3月12日 14:30' });
  });

  it('mediation.session-scheduled names its mediator: that one is told, and remembered for later notices', async () => {
    const { plan, disputes } = planningFixture();
    const planned = await plan.execute(event(sessionScheduledV1, DISPUTE, {
      ...ref, sessionId: 's2', startsAt: '2026-03-12T06:30:00Z', endsAt: '2026-03-12T08:00:00Z', place: '友谊路街道矛盾调解中心', consultation: false,
      attendeeIds: ['party-zhang-san'], mediatorId: 'he',
    }));
    expect(who(planned)).toEqual(['session-scheduled.attendee → he:inbox']);
    expect(planned[0].message.body).toContain('的调解会定于 2026年3月12日 14:30 在友谊路街道矛盾调解中心举行');
    expect((await disputes.get(DISPUTE))?.mediatorId).toBe('he');
  });

  it('mediation.session-reminder: the mediator it names and the attendees who are users, in their language', async () => {
    const { plan } = await assignedDispute();
    const planned = await plan.execute(event(sessionReminderV1, DISPUTE, {
      ...ref, sessionId: 's1', startsAt: '2026-03-12T06:30:00Z', place: '阳光社区调解室', attendeeIds: ['party-zhang-san', 'ma'], mediatorId: 'chen',
    }));
    expect(who(planned)).toEqual(['session-reminder.attendee → chen:inbox', 'session-reminder.attendee → ma:inbox']);
    expect(planned[0].message.body).toBe(`提醒：邻里纠纷（编号 ${DISPUTE}）的调解将于 2026年3月12日 14:30 在阳光社区调解室举行，请准时参加。`);
    expect(planned[1].message.body).toBe(`Reminder: the session on neighbour dispute ${DISPUTE} takes place at 12 Mar 2026, 14:30 (Beijing time) at 阳光社区调解室. Please be on time.`);
  });

  it('mediation.agreement-reached: the mediator, with the first term\'s due date for the follow-up', async () => {
    const { plan } = await assignedDispute();
    const planned = await plan.execute(event(agreementReachedV1, DISPUTE, {
      ...ref, agreementId: 'a1',
      terms: [
        { party: 'party-zhang-san', obligation: '拆除违建雨棚', dueAt: '2026-03-20T09:00:00Z' },
        { party: 'party-li-si', obligation: '赔偿修缮费 800 元', dueAt: '2026-03-15T09:00:00Z' },
      ],
    }));
    expect(who(planned)).toEqual(['agreement-reached.mediator → chen:inbox']);
    expect(planned[0].message.body).toContain('共 2 项履行条款，最早一项于 2026年3月15日 17:00 到期');
  });

  it('mediation.mediation-failed to the street centre: the street\'s mediators; other outcomes tell no one', async () => {
    const { plan } = await assignedDispute();
    const failed = await plan.execute(event(mediationFailedV1, DISPUTE, {
      ...ref, level: 'community', next: 'street-centre', reason: '双方分歧过大', trigger: 'mediator', deadline: '2026-04-09T02:00:00Z',
    }));
    expect(who(failed)).toEqual(['mediation-failed.street-centre → he:inbox']);
    expect(failed[0].message.body).toContain('阳光社区对邻里纠纷');
    expect(failed[0].message.body).toContain('原因：双方分歧过大。请指派调解员，调解期限 2026年4月9日 10:00。');

    const toCourt = await plan.execute(event(mediationFailedV1, DISPUTE, { ...ref, level: 'street', next: 'litigation', reason: '一方拒绝调解' }, 'failed-2'));
    expect(toCourt).toEqual([]);
  });

  it('finds the street centre of a dispute from its case when the case knows its street', async () => {
    const env = planningFixture();
    await env.cases.recordCase(CASE, { streetId: 'bf-d02-s03' });
    env.directory.addUser({ userId: 'wu', name: '吴调解', role: 'mediator', unitId: 'bf-d02-s03' });
    await env.plan.execute(event(disputeOpenedV1, DISPUTE, { ...ref, caseNumber: CASE, disputeType: 'wages', communityId: 'unit-without-scheme' }));
    const failed = await env.plan.execute(event(mediationFailedV1, DISPUTE, { ...ref, caseNumber: CASE, level: 'community', next: 'street-centre', reason: '欠薪金额争议' }));
    expect(who(failed)).toEqual(['mediation-failed.street-centre → wu:inbox']);
  });

  it('mediation.agreement-followed-up: a broken term goes to the mediator, a kept one to no one', async () => {
    const { plan } = await assignedDispute();
    const broken = await plan.execute(event(agreementFollowedUpV1, DISPUTE, { ...ref, agreementId: 'a1', termIndex: 1, kept: false }));
    expect(who(broken)).toEqual(['agreement-followed-up.mediator → chen:inbox']);
    expect(broken[0].message.body).toContain('调解协议第 2 项条款经 2026年3月10日 10:00 回访未履行，纠纷已重新打开');
    expect(await plan.execute(event(agreementFollowedUpV1, DISPUTE, { ...ref, agreementId: 'a1', termIndex: 0, kept: true }))).toEqual([]);
  });

  it('a street-centre assignment makes the new mediator the one later notices reach', async () => {
    const { plan } = await assignedDispute();
    await plan.execute(event(mediatorAssignedV1, DISPUTE, { ...ref, mediatorId: 'he', committeeId: `${STREET}-centre`, level: 'street' }, 'assigned-2'));
    const broken = await plan.execute(event(agreementFollowedUpV1, DISPUTE, { ...ref, agreementId: 'a1', termIndex: 0, kept: false }));
    expect(who(broken)).toEqual(['agreement-followed-up.mediator → he:inbox']);
  });

  it('bad or partial input tells no one instead of failing: unknown dispute, unknown mediator', async () => {
    const { plan } = planningFixture();
    expect(await plan.execute(event(agreementReachedV1, 'dsp-unknown', {
      disputeId: 'dsp-unknown', occurredAt: at, agreementId: 'a1', terms: [{ party: 'p', obligation: 'o', dueAt: at }],
    }))).toEqual([]);
    expect(await plan.execute(event(mediationFailedV1, 'dsp-unknown', { disputeId: 'dsp-unknown', occurredAt: at, level: 'community', next: 'street-centre', reason: 'r' }))).toEqual([]);
    const reminder = await plan.execute(event(sessionReminderV1, 'dsp-unknown', {
      disputeId: 'dsp-unknown', occurredAt: at, sessionId: 's', startsAt: at, place: '调解室', attendeeIds: ['nobody'], mediatorId: 'not-a-user',
    }));
    expect(reminder).toEqual([]);
  });

  it('mediation.follow-up-due: the mediator it names, with the term and its due time', async () => {
    const { plan } = await assignedDispute();
    const planned = await plan.execute(event(followUpDueV1, DISPUTE, {
      ...ref, agreementId: 'a1', termIndex: 0, party: 'party-li-si', obligation: '赔偿修缮费 800 元', dueAt: '2026-03-15T09:00:00Z', mediatorId: 'chen',
    }));
    expect(who(planned)).toEqual(['follow-up-due.mediator → chen:inbox']);
    expect(planned[0].message.body).toBe(`邻里纠纷（编号 ${DISPUTE}）调解协议第 1 项条款（赔偿修缮费 800 元）已于 2026年3月15日 17:00 到期，请回访当事人并记录是否履行。`);
  });

  it('mediation.dispute-reopened is silent: the broken term\'s follow-up already told the mediator', async () => {
    const { plan } = await assignedDispute();
    expect(await plan.execute(event(disputeReopenedV1, DISPUTE, {
      ...ref, agreementId: 'a1', termIndex: 0, reopenCount: 1, level: 'community', deadline: '2026-04-09T02:00:00Z',
    }))).toEqual([]);
  });

  it('mediation.session-held is silent', async () => {
    const { plan } = await assignedDispute();
    expect(await plan.execute(event(sessionHeldV1, DISPUTE, { ...ref, sessionId: 's1', minutesSummary: '双方陈述' }))).toEqual([]);
  });

  describe('the parties (当事人), by the refs the mediation service registered', () => {
    const ZHANG = `party:${DISPUTE}:p-1`;
    const LI = `party:${DISPUTE}:p-2`;
    const WANG = `party:${DISPUTE}:p-3`;

    async function withParties(options: { at?: string } = {}) {
      const env = planningFixture({ at: options.at });
      env.directory.units.set(STREET, { zh: '友谊路街道', en: 'Youyi Road Street' });
      env.directory.addCitizen({ citizenRef: ZHANG, phone: '13800138000' }).addCitizen({ citizenRef: LI, phone: '13700137000', locale: 'en' });
      await env.plan.execute(event(disputeOpenedV1, DISPUTE, { ...ref, disputeType: 'neighbour', communityId: COMMUNITY }));
      await env.plan.execute(event(mediatorAssignedV1, DISPUTE, { ...ref, mediatorId: 'chen', committeeId: `${COMMUNITY}-tjwyh`, level: 'community' }));
      return env;
    }

    it('session-scheduled: an SMS to each party named, with time, place and the committee, in their language', async () => {
      const { plan } = await withParties();
      const planned = await plan.execute(event(sessionScheduledV1, DISPUTE, {
        ...ref, sessionId: 's1', startsAt: '2026-03-12T06:30:00Z', place: '阳光社区调解室', consultation: false,
        attendeeIds: ['p-1', 'p-2', 'chen'], partyRefs: [ZHANG, LI, ZHANG],
      }));
      expect(who(planned)).toEqual(['session-scheduled.attendee → chen:inbox', `session-scheduled.party → ${ZHANG}:sms`, `session-scheduled.party → ${LI}:sms`]);
      expect(planned[1].message.sms).toBe('阳光社区人民调解委员会定于2026年3月12日 14:30在阳光社区调解室调解您的邻里纠纷，请准时参加。');
      expect(planned[2].message.sms).toBe("The People's Mediation Committee of Yangguang Community: mediation of your neighbour dispute 12 Mar 2026, 14:30 (Beijing time) at 阳光社区调解室. Please attend.");
      expect(planned[1]).toMatchObject({ status: 'pending', urgent: false, recipient: { kind: 'citizen', id: ZHANG } });
    });

    it('a party not yet in the directory still gets its SMS delivery (the registration may be retried a moment later)', async () => {
      const { plan } = await withParties();
      const planned = await plan.execute(event(sessionReminderV1, DISPUTE, {
        ...ref, sessionId: 's1', startsAt: '2026-03-12T06:30:00Z', place: '阳光社区调解室', attendeeIds: ['p-3'], mediatorId: 'chen', partyRefs: [WANG],
      }));
      expect(who(planned)).toEqual(['session-reminder.attendee → chen:inbox', `session-reminder.party → ${WANG}:sms`]);
      expect(planned[1].message.sms).toBe('提醒：阳光社区人民调解委员会将于2026年3月12日 14:30在阳光社区调解室调解您的邻里纠纷，请准时参加。');
    });

    it('events without party refs (older ones) tell the parties nothing, as before', async () => {
      const { plan } = await withParties();
      const planned = await plan.execute(event(sessionReminderV1, DISPUTE, { ...ref, sessionId: 's1', startsAt: '2026-03-12T06:30:00Z', place: '调解室', attendeeIds: ['p-1'], mediatorId: 'chen' }));
      expect(who(planned)).toEqual(['session-reminder.attendee → chen:inbox']);
    });

    it('quiet hours: a session far enough away waits for the morning; one starting soon after is sent at once', async () => {
      const { plan } = await withParties({ at: '2026-03-10T23:30:00+08:00' });
      const later = await plan.execute(event(sessionReminderV1, DISPUTE, {
        ...ref, sessionId: 's1', startsAt: '2026-03-11T14:00:00+08:00', place: '调解室', attendeeIds: ['p-1'], mediatorId: 'chen', partyRefs: [ZHANG],
      }));
      expect(later[1]).toMatchObject({ template: 'session-reminder.party', urgent: false, status: 'held-for-quiet-hours', nextAttemptAt: new Date('2026-03-11T07:00:00+08:00') });
      const early = await plan.execute(event(sessionReminderV1, DISPUTE, {
        ...ref, sessionId: 's2', startsAt: '2026-03-11T08:30:00+08:00', place: '调解室', attendeeIds: ['p-1'], mediatorId: 'chen', partyRefs: [ZHANG],
      }, 'reminder-s2'));
      expect(early[1]).toMatchObject({ template: 'session-reminder.party', urgent: true, status: 'pending' });
    });

    it('a dispute at the street centre is named as the street\'s 矛盾调解中心', async () => {
      const { plan } = await withParties();
      await plan.execute(event(mediatorAssignedV1, DISPUTE, { ...ref, mediatorId: 'he', committeeId: `${STREET}-centre`, level: 'street' }, 'assigned-street'));
      const planned = await plan.execute(event(sessionScheduledV1, DISPUTE, {
        ...ref, sessionId: 's3', startsAt: '2026-03-12T06:30:00Z', place: '街道调解中心', consultation: false, attendeeIds: ['p-1'], mediatorId: 'he', partyRefs: [ZHANG],
      }));
      expect(planned.find((d) => d.template === 'session-scheduled.party')!.message.sms).toContain('友谊路街道矛盾调解中心定于');
    });

    it('agreement-reached: each party learns the due date of their own first term; a party who owes nothing, when the others\' end', async () => {
      const { plan } = await withParties();
      const planned = await plan.execute(event(agreementReachedV1, DISPUTE, {
        ...ref, agreementId: 'a1', partyRefs: [ZHANG, LI, WANG],
        terms: [
          { party: '张三', obligation: '拆除违建雨棚', dueAt: '2026-03-20T09:00:00Z', partyRef: ZHANG },
          { party: '李四', obligation: '赔偿修缮费 800 元', dueAt: '2026-03-15T09:00:00Z', partyRef: LI },
          { party: '张三', obligation: '恢复原状', dueAt: '2026-03-18T09:00:00Z', partyRef: ZHANG },
        ],
      }));
      expect(who(planned)).toEqual([
        'agreement-reached.mediator → chen:inbox', `agreement-reached.party → ${ZHANG}:sms`, `agreement-reached.party → ${LI}:sms`, `agreement-reached.other-party → ${WANG}:sms`,
      ]);
      expect(planned[1].message.sms).toBe('您的邻里纠纷经阳光社区人民调解委员会调解达成协议，您须履行2项条款，首项须于2026年3月18日 17:00前履行。');
      expect(planned[2].message.sms).toBe("Agreement signed before the People's Mediation Committee of Yangguang Community: you owe 1 term(s), the first due by 15 Mar 2026, 17:00 (Beijing time).");
      expect(planned[3].message.sms).toBe('您的邻里纠纷经阳光社区人民调解委员会调解达成协议，对方须于2026年3月20日 17:00前履行完毕。');
      expect(planned[0].message.body).toContain('最早一项于 2026年3月15日 17:00 到期');
    });
  });
});
