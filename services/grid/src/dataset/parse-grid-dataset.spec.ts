import type { GridDatasetInput } from './grid-dataset';
import { InvalidGridDataset, parseGridDataset } from './parse-grid-dataset';
import { smallCityInput } from './small-city.fixture';

function problemsOf(change: (input: GridDatasetInput) => void): string[] {
  const input = smallCityInput();
  change(input);
  try {
    parseGridDataset(input);
  } catch (error) {
    if (error instanceof InvalidGridDataset) return [...error.problems];
    throw error;
  }
  throw new Error('the dataset was accepted');
}

const features = (input: GridDatasetInput) => input.grids.features;

describe('importing a grid dataset file', () => {
  it('accepts a valid file and applies defaults', () => {
    const dataset = parseGridDataset(smallCityInput());
    expect(dataset.grids.features).toHaveLength(5);
    expect(dataset.grids.features[3].properties.compounds).toEqual([{ name: '幸福公园', buildings: [] }]);
    expect(dataset.households[1].reasons).toEqual([]);
  });

  it.each<[string, (input: GridDatasetInput) => void, RegExp]>([
    [
      'an unclosed ring',
      (input) => features(input)[1].geometry.coordinates[0].pop(),
      /^grids\.features\[1\] 'g-b' \.geometry\.coordinates\.0: a ring must be closed/,
    ],
    [
      'a latitude out of range',
      (input) => (features(input)[0].geometry.coordinates[0][2] = [110.01, 91]),
      /^grids\.features\[0\] 'g-a' \.geometry\.coordinates\.0\.2\.1: /,
    ],
    [
      'a geometry that is not a polygon',
      (input) => (features(input)[2].geometry = { type: 'LineString', coordinates: [] } as never),
      /^grids\.features\[2\] 'g-c' \.geometry\.type: /,
    ],
    ['an unknown staff duty', (input) => (features(input)[0].properties.staff[0].duty = 'boss' as never), /^grids\.features\[0\] 'g-a' \.properties\.staff\.0\.duty: /],
    ['a phone number in clear', (input) => (features(input)[0].properties.staff[1].phoneMasked = '13900000001'), /'g-a' \.properties\.staff\.1\.phoneMasked: must be masked/],
    ['an empty unit name', (input) => (input.units[4].name = ' '), /^units\[4\] 'cm1' \.name: must not be empty/],
    ['an unknown colour card', (input) => (input.households![1].card = 'purple' as never), /^households\[1\] 'h2' \.card: /],
    ['a wrong format tag', (input) => (input.format = 'shapefile' as never), /^format: /],
  ])('names the entry with %s', (_label, change, problem) => {
    expect(problemsOf(change)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it.each<[string, (input: GridDatasetInput) => void, RegExp]>([
    ['a community whose parent is missing', (input) => (input.units[5].parentId = 'ghost'), /^Org unit 'cm2' is invalid: parent 'ghost' does not exist/],
    ['a grid under a street', (input) => (features(input)[0].properties.communityId = 's1'), /^Org unit 'g-a' is invalid: a grid cannot sit under a street/],
    ['two units with one id', (input) => input.units.push({ ...input.units[4] }), /^Org unit 'cm1' is invalid: duplicate id/],
    ['an unknown department code', (input) => (input.units[1].departmentCode = 'magic'), /^Org unit 'dept-water' is invalid: unknown department code 'magic'/],
    ['a banner form on a street', (input) => (input.units[3].localForm = 'banner'), /^Org unit 's1' is invalid: local form 'banner'/],
  ])('rejects an org tree with %s, naming the unit', (_label, change, problem) => {
    expect(problemsOf(change)).toEqual([expect.stringMatching(problem)]);
  });

  it('rejects two chiefs in a grid, a staff id twice, a compound twice and households of unknown grids — all at once', () => {
    const problems = problemsOf((input) => {
      const grid = features(input)[1].properties;
      grid.staff.push({ staffId: 'b-chief-2', name: '格长丁', duty: 'chief' }, { staffId: 'cm1-police', name: '民警甲', duty: 'part-timer' });
      grid.compounds = [{ name: '阳光小区' }, { name: '阳光小区' }];
      input.households!.push({ id: 'h3', gridId: 'g-x', address: '某处', headName: '王五', members: 2, card: 'blue' });
      input.households!.push({ ...input.households![0] });
    });
    expect(problems).toEqual([
      "grids.features[1] 'g-b': has 2 staff with duty 'chief', at most one is allowed (一格一长一警一专)",
      "grids.features[1] 'g-b': staff id 'cm1-police' appears twice",
      "grids.features[1] 'g-b': compound '阳光小区' is listed twice",
      "household id 'h1' appears twice",
      "households[2] 'h3': grid 'g-x' does not exist",
    ]);
  });

  it('says in Chinese and English that nothing was imported', () => {
    const input = smallCityInput();
    input.units[4].name = '';
    expect(() => parseGridDataset(input)).toThrow(/网格数据有 1 处错误，未导入：units\[4\] 'cm1' \.name/);
    expect(() => parseGridDataset(input)).toThrow(/grid dataset has 1 problem\(s\), nothing imported/);
  });

  it('refuses something that is not a dataset at all', () => {
    expect(() => parseGridDataset(null)).toThrow(InvalidGridDataset);
    expect(() => parseGridDataset([1, 2])).toThrow(/\(file\): /);
  });
});
