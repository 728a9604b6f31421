import { standaloneInstall, type PackageLock } from './standalone-install';

const workspace: PackageLock = {
  lockfileVersion: 3,
  packages: {
    '': { devDependencies: { cli: '2.0.0' }, dependencies: { app: '1.0.0' } },
    'node_modules/app': { version: '1.0.0', dependencies: { shared: '^1.0.0' } },
    'node_modules/cli': {
      version: '2.0.0',
      dev: true,
      dependencies: { shared: '^2.0.0', engine: '2.0.0' },
      optionalDependencies: { 'cli-linux-x64': '2.0.0', 'cli-darwin-arm64': '2.0.0' },
      peerDependencies: { typescript: '>=5', runtime: '^1.0.0' },
      peerDependenciesMeta: { typescript: { optional: true } },
    },
    'node_modules/cli/node_modules/shared': { version: '2.1.0', dev: true },
    'node_modules/shared': { version: '1.4.0' },
    'node_modules/engine': { version: '2.0.0', dev: true, hasInstallScript: true },
    'node_modules/cli-linux-x64': { version: '2.0.0', dev: true, optional: true, os: ['linux'] },
    'node_modules/runtime': { version: '1.2.0', devOptional: true },
    'node_modules/typescript': { version: '6.0.3', dev: true },
  },
};

describe('installing one workspace package on its own', () => {
  const { manifest, lockfile } = standaloneInstall(workspace, 'cli', 'cli-image');

  it('depends on that package alone, at its locked version', () => {
    expect(manifest).toEqual({
      name: 'cli-image',
      version: '0.0.0',
      private: true,
      dependencies: { cli: '2.0.0' },
    });
    expect(lockfile.packages['']).toEqual({
      name: 'cli-image',
      version: '0.0.0',
      dependencies: { cli: '2.0.0' },
    });
  });

  it('keeps exactly what the package needs, at the same tree paths, as production packages', () => {
    expect(lockfile.packages).toEqual({
      '': expect.anything(),
      'node_modules/cli': {
        version: '2.0.0',
        dependencies: { shared: '^2.0.0', engine: '2.0.0' },
        optionalDependencies: { 'cli-linux-x64': '2.0.0', 'cli-darwin-arm64': '2.0.0' },
        peerDependencies: { typescript: '>=5', runtime: '^1.0.0' },
        peerDependenciesMeta: { typescript: { optional: true } },
      },
      // Node resolves cli's `shared` to its own nested copy, so the top-level 1.4.0 is left out.
      'node_modules/cli/node_modules/shared': { version: '2.1.0' },
      'node_modules/engine': { version: '2.0.0', hasInstallScript: true },
      'node_modules/cli-linux-x64': { version: '2.0.0', optional: true, os: ['linux'] },
      'node_modules/runtime': { version: '1.2.0' },
    });
  });

  it('refuses a lockfile that lacks a package the chosen one requires', () => {
    const broken = structuredClone(workspace);
    delete broken.packages['node_modules/engine'];

    expect(() => standaloneInstall(broken, 'cli', 'cli-image')).toThrow(
      'node_modules/cli needs engine, which the lockfile does not hold',
    );
  });

  it('refuses a package the workspace does not install', () => {
    expect(() => standaloneInstall(workspace, 'missing', 'image')).toThrow(
      'missing is not installed at the top of the lockfile',
    );
  });
});
