/** What a platform-specific package's name says it runs on, e.g. `@swc/core-darwin-arm64`. */
export interface Platform {
  os: string[];
  cpu?: string[];
  libc?: string[];
}

const operatingSystems = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'android',
  'openharmony',
];
const cpuAliases: Record<string, string> = {
  x64: 'x64',
  amd64: 'x64',
  arm64: 'arm64',
  aarch64: 'arm64',
  arm: 'arm',
  armv7: 'arm',
  ia32: 'ia32',
  x86: 'ia32',
  ppc64: 'ppc64',
  ppc64le: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  mips64el: 'mips64el',
};
const libcs = ['glibc', 'gnu', 'musl'];

// sass-embedded's fallbacks for platforms it has no binary for: "any other OS" and "any other CPU".
const fallbacks: Record<string, Platform> = {
  'sass-embedded-unknown-all': { os: ['!android', '!darwin', '!linux', '!win32'] },
  'sass-embedded-all-unknown': {
    os: ['android', 'darwin', 'linux', 'win32'],
    cpu: ['!arm', '!arm64', '!riscv64', '!x64'],
  },
};

/** Undefined when the name names no operating system: then it is not a platform package. */
export function platformOf(packageName: string): Platform | undefined {
  if (fallbacks[packageName]) return fallbacks[packageName];
  const tokens = (packageName.split('/').pop() ?? packageName).split(/[-_.]/);
  const os = tokens.find((token) => operatingSystems.includes(token));
  if (!os) return undefined;
  const cpu = tokens.map((token) => cpuAliases[token]).find(Boolean);
  const libc = tokens.find((token) => libcs.includes(token));
  return {
    os: [os],
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc: [libc === 'musl' ? 'musl' : 'glibc'] } : {}),
  };
}
