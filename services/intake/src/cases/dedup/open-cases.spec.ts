import { chooseMaster, openCaseCellsOf, openCaseEntry } from './open-cases';

const at = new Date('2026-12-07T02:00:00Z');
const HOUR = 3_600_000;
const options = { radiusMeters: 150, since: at.getTime() - 72 * HOUR };

describe('duplicate check against open cases', () => {
  const here = { lng: 109.84, lat: 40.657 };

  it('files a case by point and by address, only with a category and never when answered on the call', () => {
    expect(openCaseCellsOf({ categoryCode: '0208', location: here, address: '阳光社区3号楼', receivedAt: at })).toEqual([expect.stringMatching(/^p:0208:/), 'a:0208:阳光社区3号楼']);
    expect(openCaseCellsOf({ location: here, receivedAt: at })).toEqual([]);
    expect(openCaseCellsOf({ categoryCode: '0208', location: here, receivedAt: at, answeredDirectly: { articleId: 'k1', answer: '…' } })).toEqual([]);
  });

  it('builds the same entry for the same case every time (what $pull matches)', () => {
    expect(JSON.stringify(openCaseEntry({ location: { lat: 40.657, lng: 109.84 }, receivedAt: at }, 'N1'))).toBe(JSON.stringify(openCaseEntry({ location: here, receivedAt: at }, 'N1')));
  });

  it('merges into the nearest open case within the radius and the window, else the oldest at the same address', () => {
    const near = { caseNumber: 'near', lng: here.lng + 0.0005, lat: here.lat, at: new Date(at.getTime() - HOUR) };
    const nearer = { caseNumber: 'nearer', lng: here.lng + 0.0002, lat: here.lat, at: new Date(at.getTime() - 2 * HOUR) };
    const far = { caseNumber: 'far', lng: here.lng + 0.003, lat: here.lat, at };
    const old = { caseNumber: 'old', lng: here.lng, lat: here.lat, at: new Date(at.getTime() - 100 * HOUR) };
    expect(chooseMaster({ location: here }, [near, far, nearer, old], [], options)).toEqual({ caseNumber: 'nearer', distanceMeters: expect.closeTo(16.9, 0) });
    expect(chooseMaster({ location: here }, [far, old], [], options)).toBeUndefined();
    const byAddress = [{ caseNumber: 'a2', at }, { caseNumber: 'a1', at: new Date(at.getTime() - HOUR) }];
    expect(chooseMaster({ location: here }, [far], byAddress, options)).toEqual({ caseNumber: 'a1' });
    expect(chooseMaster({}, [], byAddress, options)).toEqual({ caseNumber: 'a1' });
    expect(chooseMaster({}, [], [{ caseNumber: 'stale', at: new Date(at.getTime() - 73 * HOUR) }], options)).toBeUndefined();
  });
});
