import { defaultTaxonomy } from '@civicflow/domain';
import { classifyRequest, ClassificationError } from './classify-request';

describe('classifyRequest', () => {
  const taxonomy = defaultTaxonomy();
  const complaint = taxonomy.taxonomy.minors.find((m) => m.requestTypes.includes('complaint') && m.priority === 'normal')!;

  it('takes department, SLA profile and dispute flag from the category', () => {
    const c = classifyRequest(taxonomy, { categoryCode: complaint.code, requestType: 'complaint', urgency: 'low' });
    expect(c).toEqual({ categoryCode: complaint.code, priority: 'normal', slaProfile: complaint.slaProfile, department: complaint.department, isDispute: complaint.isDispute });
  });

  it("lets the operator's urgency raise the priority but not lower it", () => {
    expect(classifyRequest(taxonomy, { categoryCode: complaint.code, requestType: 'complaint', urgency: 'urgent' }).priority).toBe('urgent');
    expect(classifyRequest(taxonomy, { categoryCode: complaint.code, requestType: 'complaint', urgency: 'low' }).priority).toBe('normal');
  });

  it('names the field of an unknown category or a request type the category does not take', () => {
    expect(() => classifyRequest(taxonomy, { categoryCode: '9999', requestType: 'complaint', urgency: 'normal' })).toThrow(ClassificationError);
    const inquiryOnly = taxonomy.taxonomy.minors.find((m) => !m.requestTypes.includes('tip-off'))!;
    try {
      classifyRequest(taxonomy, { categoryCode: inquiryOnly.code, requestType: 'tip-off', urgency: 'normal' });
      throw new Error('expected a ClassificationError');
    } catch (error) {
      expect((error as ClassificationError).field).toBe('requestType');
    }
  });

  it('classifies an uncategorised request by urgency alone', () => {
    expect(classifyRequest(taxonomy, { requestType: 'help', urgency: 'urgent' })).toMatchObject({ priority: 'urgent', slaProfile: 'life-safety-2h', isDispute: false });
  });
});
