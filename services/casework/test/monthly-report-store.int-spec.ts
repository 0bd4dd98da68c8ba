// The monthly 考核 report of a big city on the real MongoDB-protocol server: 300 streets, 60 departments and
// 60,000 cases make a ~19 MB report, past the 16 MB document limit; the store keeps it as a header and parts by
// `_id` and reads it back whole. Two generators of one month: the first stands, the other's parts are removed.
import mongoose, { Connection } from 'mongoose';
import { integrationConfig, uniqueId } from '@civicflow/testing';
import { BIG_CITY, cityMonthReport } from '../src/statistics/monthly-report/monthly-report.fixtures';
import { MONTHLY_REPORT_COLLECTION, MONTHLY_REPORT_PARTS_COLLECTION, MonthlyReportStore } from '../src/statistics/monthly-report/monthly-report.store';

const env = integrationConfig();

describe('the monthly report store on the real server', () => {
  let connection: Connection;
  let store: MonthlyReportStore;
  const month = '2026-11';
  const big = cityMonthReport(month, { ...BIG_CITY, cases: 60_000 });

  beforeAll(async () => {
    connection = await mongoose.createConnection(env.MONGO_URL, { dbName: uniqueId('monthlyreport') }).asPromise();
    store = new MonthlyReportStore(connection);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('cannot store the report as one document (as it was stored before the split)', async () => {
    await expect(connection.collection('monthly_reports_whole').insertOne({ ...big, _id: month } as never)).rejects.toThrow();
    expect(await connection.collection('monthly_reports_whole').countDocuments()).toBe(0);
  });

  it('stores a report past the 16 MB document limit and reads it back whole, the first one generated standing', async () => {
    const first = await store.keepFirst(big, 'run-1');
    expect(first.created).toBe(true);
    expect(first.report).not.toHaveProperty('cases');
    expect(first.report.writer).toBe('run-1');

    const read = await store.find(month);
    expect(read!.cases).toHaveLength(80_000);
    expect(read).toEqual(big);
    expect(await store.header(month)).toEqual(first.report);

    // a second generator (another replica, a supervisor's POST) composed the month too: it finds the first, leaves no parts behind
    const partsBefore = await connection.collection(MONTHLY_REPORT_PARTS_COLLECTION).countDocuments();
    const rival = cityMonthReport(month, { ...BIG_CITY, cases: 600 });
    const second = await store.keepFirst({ ...rival, generatedAt: new Date().toISOString(), generatedBy: 'supervisor-1' }, 'request-1');
    expect(second).toEqual({ report: first.report, created: false });
    expect(await connection.collection(MONTHLY_REPORT_PARTS_COLLECTION).countDocuments()).toBe(partsBefore);
    expect((await store.header(month))!.generatedBy).toBe('schedule');
    expect(await store.months()).toEqual([{ month, generatedAt: big.generatedAt, policyVersion: big.policy.version }]);
  }, 300_000); // 19 MB through FerretDB both ways: ~6 s to write and ~14 s to read at load 13 on two cores

  it('reads a report stored whole before the split as it was', async () => {
    const small = cityMonthReport('2026-10', { ...BIG_CITY, cases: 600 });
    await connection.collection(MONTHLY_REPORT_COLLECTION).insertOne(small as never);
    expect(await store.find('2026-10')).toEqual(small);
    expect(await store.header('2026-10')).not.toHaveProperty('cases');
  });
});
