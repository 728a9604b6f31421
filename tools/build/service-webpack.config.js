const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

/**
 * How every service is built: one bundle per app with node_modules left external, and a pruned
 * package.json + lockfile generated beside it, which the Dockerfile installs with `npm ci --omit=dev`,
 * and every `.proto` contract of libs/contracts copied to `grpc/`.
 * An app's webpack.config.js is `module.exports = serviceWebpackConfig(__dirname)`.
 */
function serviceWebpackConfig(appDir) {
  const app = require(join(appDir, 'project.json')).name;
  return {
    output: { path: join(__dirname, '../../dist/apps', app) },
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
        // The gRPC contracts, read at run time: beside main.js as grpc/, where
        // libs/contracts/src/proto-root.ts looks for them.
        assets: [{ input: 'libs/contracts/src/grpc', glob: '**/*.proto', output: 'grpc' }],
      }),
    ],
  };
}

module.exports = { serviceWebpackConfig };
