// Two jest projects: the gateway's unit tests (Node, src/) and the web app's pure helpers (web/src).
const preset = require('../../jest.preset.js');

module.exports = {
  projects: [
    {
      ...preset,
      displayName: 'console',
      rootDir: __dirname,
      // Unit tests only; tests that need real servers live in test/ and run in the integration tier.
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    require('./web/jest.config.js'),
  ],
};
