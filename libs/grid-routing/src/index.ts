export * from './routing-dataset';
export * from './geometry';
export * from './address-index';
export * from './grid-map';
export * from './route-location';
