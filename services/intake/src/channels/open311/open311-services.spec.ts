import { defaultTaxonomy } from '@civicflow/domain';
import { open311ServiceDefinition, open311Services } from './open311-services';

describe('Open311 services from the 12345 taxonomy', () => {
  const services = open311Services();

  it('offers each minor category as a service, grouped by its major category', () => {
    expect(services).toHaveLength(defaultTaxonomy().taxonomy.minors.length);
    const water = services.find((s) => s.service_code === '0501')!;
    expect(water).toMatchObject({ service_name: defaultTaxonomy().minorByCode('0501')!.zh, group: '供水', metadata: true, type: 'realtime' });
    expect(water.description).toContain('Water supply');
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);
  });

  it('defines a request type attribute with the category’s request types, in contract spelling', () => {
    const definition = open311ServiceDefinition('0101')!; // 建筑施工扰民: complaint, tip-off
    expect(definition.service_code).toBe('0101');
    const [attribute] = definition.attributes;
    expect(attribute).toMatchObject({ code: 'request_type', datatype: 'singlevaluelist', required: false, variable: true, order: 1 });
    expect(attribute.values.map((v) => v.key)).toEqual(['complaint', 'tip-off']);
    expect(attribute.values[1].name).toBe('举报 tip-off');
  });

  it('has no definition for an unknown code', () => {
    expect(open311ServiceDefinition('9999')).toBeUndefined();
  });
});
