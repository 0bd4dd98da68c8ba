export * from './config';
export * from './create-app';
export { ConsoleModule } from './app.module';
export { mapProxyRoute } from './proxy/proxy-route';
export { UPSTREAM_SERVICES } from './upstream/upstream-services';
