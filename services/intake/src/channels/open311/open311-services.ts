import { REQUEST_TYPE_LABELS, RequestType, TaxonomyIndex, defaultTaxonomy } from '@civicflow/domain';
import { findCategory } from '../app-report/report-intake/report-category';

/** One GeoReport service per minor category (小类) of the 12345 taxonomy. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** true: the service has a definition with attributes (GET services/{code}). */
  metadata: boolean;
  /** realtime: POST answers with the service_request_id (a token only when registration is slow). */
  type: 'realtime';
  keywords: string;
  /** The major category (大类). */
  group: string;
}

export interface Open311AttributeValue {
  key: string;
  name: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'singlevaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** 诉求类型: the one question a service asks beyond the description. */
export const REQUEST_TYPE_ATTRIBUTE = 'request_type';

const labelOf = (type: RequestType) => `${REQUEST_TYPE_LABELS[type].zh} ${REQUEST_TYPE_LABELS[type].en}`;

export function open311Services(taxonomy: TaxonomyIndex = defaultTaxonomy()): Open311Service[] {
  return taxonomy.taxonomy.minors.map((minor) => {
    const major = taxonomy.majorOf(minor);
    return {
      service_code: minor.code,
      service_name: minor.zh,
      description: `${major.zh} / ${minor.zh} — ${major.en} / ${minor.en}`,
      metadata: true,
      type: 'realtime',
      keywords: [minor.en, major.zh, major.en].join(', '),
      group: major.zh,
    };
  });
}

/** The request types a service takes, its usual one first; undefined for an unknown code. */
export function requestTypesOf(serviceCode: string): readonly RequestType[] | undefined {
  return findCategory(serviceCode)?.minor.requestTypes;
}

export function open311ServiceDefinition(serviceCode: string): Open311ServiceDefinition | undefined {
  const types = requestTypesOf(serviceCode);
  if (!types) return undefined;
  return {
    service_code: serviceCode,
    attributes: [
      {
        variable: true,
        code: REQUEST_TYPE_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: `默认 default: ${types[0]}`,
        order: 1,
        description: '诉求类型 request type',
        values: types.map((key) => ({ key, name: labelOf(key) })),
      },
    ],
  };
}
