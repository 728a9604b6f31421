import { execFileSync } from 'node:child_process';
import { repoRoot } from '../workspace/paths';
import { completeLockfile, type Lockfile } from './complete-lockfile';
import { platformOf } from './platform-packages';

describe('platform-specific optional packages', () => {
  it('reads the platform from a package name', () => {
    expect(platformOf('@swc/core-darwin-arm64')).toEqual({ os: ['darwin'], cpu: ['arm64'] });
    expect(platformOf('@swc/core-linux-x64-musl')).toEqual({
      os: ['linux'],
      cpu: ['x64'],
      libc: ['musl'],
    });
    expect(platformOf('@nx/nx-win32-ia32-msvc')).toEqual({ os: ['win32'], cpu: ['ia32'] });
    expect(platformOf('left-pad')).toBeUndefined();
  });

  it('records a missing optional binary beside its parent, and leaves resolvable ones alone', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/@swc/core': {
          version: '1.0.0',
          optionalDependencies: {
            '@swc/core-linux-x64-gnu': '1.0.0',
            '@swc/core-darwin-arm64': '1.0.0',
            left: '^1.0.0',
          },
        },
        'node_modules/@swc/core-linux-x64-gnu': { version: '1.0.0', optional: true },
      },
    };
    expect(completeLockfile(lock).map((entry) => entry.path)).toEqual([
      'node_modules/@swc/core-darwin-arm64',
    ]);
    expect(lock.packages['node_modules/@swc/core-darwin-arm64']).toEqual({
      version: '1.0.0',
      os: ['darwin'],
      cpu: ['arm64'],
      optional: true,
    });
    expect(completeLockfile(lock)).toEqual([]);
  });

  it('keeps the committed lockfile acceptable to npm ci', () => {
    expect(() =>
      execFileSync('npm', ['ci', '--dry-run', '--no-audit', '--no-fund'], {
        cwd: repoRoot,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
