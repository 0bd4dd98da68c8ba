import { calendarFromGrid } from './calendar-from-grid';

/** grid's calendar table endpoint as a function of what it currently holds (or down). */
function fakeGrid() {
  const state = { version: 1, down: false, calls: 0 };
  const serve = (async (url: string) => {
    state.calls++;
    expect(url).toBe('http://grid/api/v1/calendar/table');
    if (state.down) throw new Error('connect ECONNREFUSED');
    return new Response(
      JSON.stringify({
        version: state.version,
        table: { years: state.version > 1 ? [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }] : [] },
        officeHours: { byUnit: { 'bf-d01': { segments: [{ start: '08:00', end: '16:00' }] } }, parents: { 'bf-d01-s01-c01': 'bf-d01-s01', 'bf-d01-s01': 'bf-d01', 'bf-d01': 'bf', bf: null } },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  return { state, fetch: serve };
}

describe('the calendar from grid, as the worker keeps it', () => {
  it('keeps a table for its refresh time, and fetches again at once when a recompute needs a newer version', async () => {
    const grid = fakeGrid();
    let now = 0;
    const source = calendarFromGrid({ gridUrl: 'http://grid/', fetch: grid.fetch, refreshMs: 60_000, now: () => now });
    expect((await source.read()).version).toBe(1);
    now += 1_000;
    await source.read();
    expect(grid.state.calls).toBe(1);
    grid.state.version = 2;
    const fresh = await source.read(2);
    expect(fresh).toMatchObject({ version: 2, table: { years: [{ year: 2027 }] } });
    expect(grid.state.calls).toBe(2);
    now += 60_000;
    await source.read();
    expect(grid.state.calls).toBe(3);
    expect(source.info()).toMatchObject({ source: 'grid', version: 2 });
  });

  it('serves a table past its refresh time when grid is slow to answer, and the new one when it has come', async () => {
    const grid = fakeGrid();
    let now = 0;
    let answer: (() => void) | undefined;
    const slow = (async (url: string, init?: RequestInit) => {
      if (grid.state.calls === 0) return grid.fetch(url, init);
      await new Promise<void>((resolve) => (answer = resolve));
      return grid.fetch(url, init);
    }) as typeof fetch;
    const source = calendarFromGrid({ gridUrl: 'http://grid', fetch: slow, refreshMs: 1_000, staleWaitMs: 20, now: () => now });
    expect((await source.read()).version).toBe(1);
    grid.state.version = 2;
    now += 5_000;
    expect((await source.read()).version).toBe(1); // grid has not answered within the wait: the reader does not wait longer
    expect(answer).toBeDefined();
    answer!();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await source.read()).version).toBe(2);
  });

  it('serves the last table while grid is away, but not one older than a recompute needs', async () => {
    const grid = fakeGrid();
    let now = 0;
    const warnings: string[] = [];
    const source = calendarFromGrid({ gridUrl: 'http://grid', fetch: grid.fetch, refreshMs: 1_000, now: () => now, warn: (m) => warnings.push(m) });
    await source.read();
    grid.state.down = true;
    now += 5_000;
    expect((await source.read()).version).toBe(1);
    await new Promise((resolve) => setImmediate(resolve)); // the refresh beside the read fails
    expect(warnings[0]).toContain('keeping version 1');
    await expect(source.read(2)).rejects.toThrow(/ECONNREFUSED/);
    expect(source.info().lastError).toContain('ECONNREFUSED');
  });

  it('fails while it never had a table', async () => {
    const grid = fakeGrid();
    grid.state.down = true;
    await expect(calendarFromGrid({ gridUrl: 'http://grid', fetch: grid.fetch }).read()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('finds a unit\'s office hours up the org tree, and none where no ancestor has its own', async () => {
    const source = calendarFromGrid({ gridUrl: 'http://grid', fetch: fakeGrid().fetch });
    await source.read();
    expect(source.officeHoursFor!('bf-d01-s01-c01')).toEqual({ segments: [{ start: '08:00', end: '16:00' }] });
    expect(source.officeHoursFor!('bf-d02')).toBeUndefined();
  });
});
