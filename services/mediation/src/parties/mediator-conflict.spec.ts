import { mediatorConflict } from './mediator-conflict';

const contact = (hash: string) => ({ encrypted: 'x', hash, masked: '138****0000' });
const mediator = { _id: 'mediator', phone: contact('p-m'), idNumber: contact('i-m') };

describe('调解员回避 (mediator is a party)', () => {
  it('says why in Chinese first', () => {
    expect(mediatorConflict(mediator, [{ userId: null, phone: contact('p-m'), idNumber: null }])).toMatchObject({ code: 'MEDIATOR_IS_PARTY', zh: expect.stringContaining('回避'), partyIndex: 0 });
  });

  it('matches by user, id number or phone hash', () => {
    expect(mediatorConflict(mediator, [{ userId: 'mediator', phone: null, idNumber: null }])?.matchedBy).toBe('userId');
    expect(mediatorConflict(mediator, [{ userId: null, phone: null, idNumber: contact('i-m') }])?.matchedBy).toBe('idNumberHash');
    expect(mediatorConflict(mediator, [{ userId: null, phone: contact('x'), idNumber: null }, { userId: null, phone: contact('p-m'), idNumber: null }])?.matchedBy).toBe('phoneHash');
  });

  it('finds none for strangers or missing contacts', () => {
    expect(mediatorConflict(mediator, [{ userId: 'someone', phone: contact('x'), idNumber: contact('y') }])).toBeUndefined();
    expect(mediatorConflict({ _id: 'm', phone: null, idNumber: null }, [{ userId: null, phone: contact('x'), idNumber: null }])).toBeUndefined();
    expect(mediatorConflict(mediator, [])).toBeUndefined();
  });
});
