import baseConfig from '../../../eslint.config.mjs';

const boundariesRule = '@nx/enforce-module-boundaries';
const [severity, boundaries] = baseConfig.find((config) => config.rules?.[boundariesRule]).rules[
  boundariesRule
];

export default [
  ...baseConfig,
  {
    // Tests boot real infrastructure with the same workspace tools `npm test` uses (tools/db, tools/infra, the dev gateway,
    // tools/workspace); src/infrastructure/workspace-tools.ts is the one file that imports them.
    files: ['src/infrastructure/workspace-tools.ts'],
    rules: {
      [boundariesRule]: [
        severity,
        {
          ...boundaries,
          allow: [
            ...boundaries.allow,
            '^(\\.\\./)+tools/(db|infra|workspace/[a-z-]+|dev/dev-gateway)$',
          ],
        },
      ],
    },
  },
];
