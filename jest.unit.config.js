const { join } = require('node:path');
const { getJestProjectsAsync } = require('@nx/jest');
const { testMatchFor } = require('./tools/test/jest-phases');

// The unit layer (`*.unit.spec.ts`): pure rules, no infrastructure. Every project's own settings,
// less the global setup that ensures Postgres, Redis and Kafka, so the layer answers in seconds
// and `npm test` runs it before any server is started.
module.exports = async () => ({
  projects: (await getJestProjectsAsync()).map((project) => ({
    ...require(join(__dirname, project.replace('<rootDir>/', ''), 'jest.config.js')),
    globalSetup: undefined,
    setupFilesAfterEnv: [],
    testMatch: testMatchFor('unit'),
  })),
});
