import { mediatorConflict } from './mediator-conflict';

const contact = (hash: string) => ({ encrypted: 'x', hash, masked: '138****0000' });
const mediator = { _id: 'mediator', phone: contact('p-m'), idNumber: contact('i-m') };

describe('调解员回避 (mediator is a party)', () => {
  it('matches by user, id number or phone hash', () => {
    expect(mediatorConflict(mediator, [{ userId: 'mediator', phone: null, idNumber: null }])).toBe('userId');
    expect(mediatorConflict(mediator, [{ userId: null, phone: null, idNumber: contact('i-m') }])).toBe('idNumberHash');
    expect(mediatorConflict(mediator, [{ userId: null, phone: contact('x'), idNumber: null }, { userId: null, phone: contact('p-m'), idNumber: null }])).toBe('phoneHash');
  });

  it('finds none for strangers or missing contacts', () => {
    expect(mediatorConflict(mediator, [{ userId: 'someone', phone: contact('x'), idNumber: contact('y') }])).toBeUndefined();
    expect(mediatorConflict({ _id: 'm', phone: null, idNumber: null }, [{ userId: null, phone: contact('x'), idNumber: null }])).toBeUndefined();
    expect(mediatorConflict(mediator, [])).toBeUndefined();
  });
});
