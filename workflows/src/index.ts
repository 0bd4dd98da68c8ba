// What clients import: names, inputs and queries. The worker lives in ./worker and is not exported.
export * from './case/case.contract';
