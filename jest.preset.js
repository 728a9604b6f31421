// Shared Jest settings: SWC transpiles TypeScript (with Nest's decorator metadata) far faster than ts-jest,
// and the workspace path aliases are read from tsconfig.base.json so tests import libraries as apps do.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { testMatchFor } = require('./tools/test/jest-phases');

const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths ?? {}).map(([alias, [target]]) => [
    `^${alias.replace('*', '(.*)')}$`,
    join(__dirname, target.replace('*', '$1')),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
  // These dependencies ship only ES modules (NestJS 12 among them), or load one with import()
  // (@fastify/cookie, @fastify/static); Node 20 runs both, but Jest's module loader cannot, so
  // SWC turns them into CommonJS too.
  transformIgnorePatterns: [
    '/node_modules/(?!(uuid|jose|@nestjs|@prisma/schema-engine-wasm|@fastify/cookie|cookie|@fastify/static|content-disposition)/)',
  ],
  // `npm test` runs unit tests first (jest.unit.config.js), then disruptive tests (they stop shared
  // infrastructure) alone, then the rest in parallel.
  testMatch: testMatchFor(process.env.CAPSTONE_TEST_PHASE),
  clearMocks: true,
};
