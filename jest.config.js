'use strict';
// One runner for every layer: unit (node + jsdom), contract tests against the local
// SharePoint, and end-to-end journeys in Debian's Chromium.
// @microsoft/sp-build-web hoists jest 25's node environment to the top level; it lacks
// Node's fetch/Headers/Response, which @pnp/sp needs. Use the one that ships with jest 29.
const fs = require('fs');
const os = require('os');
const path = require('path');
// `npm test` writes jest's JSON summary here (--json --outputFile); jest does not create the folder.
fs.mkdirSync(path.join(__dirname, 'test-results'), { recursive: true });
const nodeEnv = require.resolve('jest-environment-node', { paths: [path.dirname(require.resolve('jest/package.json'))] });
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }];
const common = {
  rootDir: __dirname,
  // @pnp/* v4 ships ES modules only; let ts-jest turn them into CommonJS.
  transform: { '^.+\\.tsx?$': tsJest, 'node_modules/@pnp/.+\\.js$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!@pnp/)'],
  moduleNameMapper: { '\\.(scss|css)$': '<rootDir>/test/fixtures/styleMock.js' },
  // Tests run on the demo's day, not the calendar's (test/fixtures/demoClock.ts).
  setupFilesAfterEnv: ['<rootDir>/test/setup/clock.ts']
};
module.exports = {
  // A test that outlives its timeout keeps React updates queued past the test environment's
  // teardown, which crashes the run; on a loaded machine 5 s is too little for a jsdom journey.
  testTimeout: 30_000,
  // jest's default (cores − 1) is one worker on CI's two cores: the e2e files, which mostly wait on
  // Chromium and the local server, then run one after another. Two workers on two cores took the
  // whole suite through green under a load of 7 (six engineers' tests alongside).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  projects: [
    { ...common, displayName: 'unit', testEnvironment: nodeEnv, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'components', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/unit/**/*.test.tsx'], setupFilesAfterEnv: ['<rootDir>/test/setup/clock.ts', '<rootDir>/test/setup/components.ts'] },
    { ...common, displayName: 'contract', testEnvironment: nodeEnv, testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testEnvironment: nodeEnv, testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] }
  ]
};
