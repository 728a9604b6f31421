/**
 * Memory settings of the services' runtime image (the Dockerfile's `runtime` stage sets them as ENV;
 * `npm run check:deploy` holds it to these values), shared with the benchmarks so that a measured
 * process is sized as a container is.
 *
 * - `--max-semi-space-size=4` (MB): V8's young generation otherwise grows to 16 MB semi-spaces, 32 MB
 *   committed soon after start, that a request-sized allocation pattern does not need.
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (libuv's pool, V8's workers) an arena
 *   of its own, whose touched pages stay resident; two arenas are plenty for one event loop.
 */
export const IMAGE_RUNTIME_ENVIRONMENT: Readonly<Record<string, string>> = {
  NODE_OPTIONS: '--max-semi-space-size=4',
  MALLOC_ARENA_MAX: '2',
};

/** The stage of the Dockerfile whose image every service runs. */
export const RUNTIME_STAGE = 'runtime';
