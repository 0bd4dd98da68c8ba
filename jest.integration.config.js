// The integration tier: tests that talk to real Kafka, Temporal and MongoDB-protocol servers,
// started once per run by the global setup.
const preset = require('./jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{services,libs}/*/test/**/*.int-spec.ts', '<rootDir>/workflows/test/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 120_000,
  // two cores: files run one after another so servers are not starved
  maxWorkers: 1,
  // a run never hangs on a client library's lingering socket (kafkajs, SSE) once every file has finished
  forceExit: true,
};
