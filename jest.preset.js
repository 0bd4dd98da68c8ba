// Shared jest settings: SWC transpiles TypeScript (with decorator metadata for NestJS),
// and @civicflow/* imports resolve to library sources so tests never need a build first.
const path = require('node:path');

const libs = ['contracts', 'domain', 'platform', 'testing'];
const moduleNameMapper = Object.fromEntries(
  libs.map((lib) => [`^@civicflow/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')]),
);
moduleNameMapper['^@civicflow/platform/telemetry$'] = path.join(__dirname, 'libs', 'platform', 'src', 'telemetry', 'telemetry.ts');
moduleNameMapper['^@civicflow/workflows$'] = path.join(__dirname, 'workflows', 'src', 'index.ts');
moduleNameMapper['^@civicflow/workflows/worker$'] = path.join(__dirname, 'workflows', 'src', 'worker', 'create-worker.ts');
for (const service of ['hotline', 'intake', 'grid', 'identity', 'notification', 'casework', 'mediation', 'console']) {
  moduleNameMapper[`^@civicflow/${service}$`] = path.join(__dirname, 'services', service, 'src', 'index.ts');
}

module.exports = {
  testEnvironment: 'node',
  // A few dependencies ship only ES modules; SWC turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(flatbush|flatqueue)/)'],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
};
