import { defaultTaxonomy } from '@civicflow/domain';
import { checkCategory } from './check-category';

describe('checkCategory', () => {
  const taxonomy = defaultTaxonomy();

  it('accepts a minor category with a request type it takes', () => {
    const check = checkCategory(taxonomy, '0604', 'inquiry');
    expect(check).toMatchObject({ ok: true, minor: { code: '0604', zh: '供热费缴纳与退费' }, major: { code: '06', zh: '供热' } });
  });

  it('names an unknown code, and tells a major code apart from nonsense', () => {
    expect(checkCategory(taxonomy, '9999', 'complaint')).toMatchObject({ ok: false, field: 'categoryCode', en: 'unknown category code 9999' });
    const major = checkCategory(taxonomy, '06', 'complaint');
    expect(major).toMatchObject({ ok: false, field: 'categoryCode' });
    expect(!major.ok && major.zh).toContain('大类「供热」');
  });

  it('refuses a request type the category does not take, listing the ones it does', () => {
    const check = checkCategory(taxonomy, '0208', 'inquiry');
    expect(check).toMatchObject({ ok: false, field: 'requestType' });
    expect(!check.ok && check.zh).toContain('不受理咨询类诉求');
    expect(!check.ok && check.en).toContain('complaint, help');
  });
});
