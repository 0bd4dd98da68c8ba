export * from './config';
export * from './create-app';
export { GridModule } from './app.module';
// for tests elsewhere: the demo city and points and addresses inside its grids
export { demoCity, pointInside, addressInside, POINT_OUTSIDE_DEMO_CITY } from './demo/demo-city';
export { DEMO_CITY_ID } from './demo/generate-demo-city';
export type { GridDataset, GridDatasetInput } from './dataset/grid-dataset';
