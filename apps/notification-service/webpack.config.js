const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// One bundle per service; node_modules stay external and a pruned package.json + lockfile are
// generated next to it, which the Dockerfile installs with `npm ci --omit=dev`.
module.exports = {
  output: { path: join(__dirname, '../../dist/apps/notification-service') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
