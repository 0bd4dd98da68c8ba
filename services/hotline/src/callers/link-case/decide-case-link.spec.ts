import { decideCaseLink } from './decide-case-link';

describe('decideCaseLink', () => {
  it('links a call that has no case yet', () => {
    expect(decideCaseLink(undefined, { caseNumber: '20261128-000001' })).toBe('link');
  });

  it('changes nothing when the same case arrives again (redelivery)', () => {
    expect(decideCaseLink({ caseNumber: '20261128-000001' }, { caseNumber: '20261128-000001' })).toBe('unchanged');
  });

  it('keeps the first case when another one names the same call', () => {
    expect(decideCaseLink({ caseNumber: '20261128-000001' }, { caseNumber: '20261128-000002' })).toBe('conflict');
  });
});
