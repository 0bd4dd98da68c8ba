import { planUse, storageServerOf } from './query-plan';

describe('planUse', () => {
  // answers recorded from FerretDB 1.24 (SQLite and PostgreSQL backends) and MongoDB's documented shapes
  it('reads FerretDB/SQLite plans: SEARCH … USING INDEX is a lookup, SCAN is not', () => {
    expect(planUse({ queryPlanner: { Plan: ['id=3 parent=0 notused=0 detail=SEARCH docs_28eb34d2 USING INDEX docs_28eb34d2__id_ (<expr>=?)'] } }).indexed).toBe(true);
    expect(planUse({ queryPlanner: { Plan: ['id=2 parent=0 notused=0 detail=SCAN docs_28eb34d2'] } })).toEqual({ indexed: false, plan: 'id=2 parent=0 notused=0 detail=SCAN docs_28eb34d2' });
    // walking a whole index in order is still a scan
    expect(planUse({ queryPlanner: { Plan: ['detail=SCAN docs USING INDEX docs_k_1'] } }).indexed).toBe(false);
  });

  it('reads FerretDB/PostgreSQL plan trees', () => {
    expect(planUse({ queryPlanner: { Plan: { 'Node Type': 'Seq Scan', Filter: "((docs._jsonb -> '_id'::text) @> '\"a\"'::jsonb)" } } })).toEqual({ indexed: false, plan: 'Seq Scan' });
    expect(planUse({ queryPlanner: { Plan: { 'Node Type': 'Limit', Plans: [{ 'Node Type': 'Index Scan', 'Index Name': 'docs__id_' }] } } })).toEqual({ indexed: true, plan: 'Limit > Index Scan' });
  });

  it('reads MongoDB stage trees, classic and slot-based', () => {
    expect(planUse({ queryPlanner: { winningPlan: { stage: 'UPDATE', inputStage: { stage: 'IDHACK' } } } })).toEqual({ indexed: true, plan: 'UPDATE > IDHACK' });
    expect(planUse({ queryPlanner: { winningPlan: { queryPlan: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', keyPattern: { k: 1 } } }, slotBasedPlan: {} } } }).indexed).toBe(true);
    expect(planUse({ queryPlanner: { winningPlan: { stage: 'EXPRESS_IXSCAN' } } }).indexed).toBe(true);
    expect(planUse({ queryPlanner: { winningPlan: { stage: 'COLLSCAN' } } })).toEqual({ indexed: false, plan: 'COLLSCAN' });
    expect(planUse({ queryPlanner: { winningPlan: { stage: 'OR', inputStages: [{ stage: 'IXSCAN' }, { stage: 'COLLSCAN' }] } } }).indexed).toBe(false);
  });
});

describe('storageServerOf', () => {
  it('tells FerretDB from MongoDB by buildInfo', () => {
    expect(storageServerOf({ version: '7.0.42', ferretdbVersion: 'v1.24.0' })).toEqual({ server: 'ferretdb', version: 'v1.24.0' });
    expect(storageServerOf({ version: '7.0.14' })).toEqual({ server: 'mongodb', version: '7.0.14' });
  });
});
