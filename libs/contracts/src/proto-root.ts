import { join } from 'node:path';

/**
 * The folder of the `.proto` contracts at run time. From source it is `grpc/` beside this file; a
 * service's webpack bundle is one `main.js` whose build copies `grpc/**` beside it
 * (tools/build/service-webpack.config.js), so the same expression finds it in both.
 */
export const PROTO_ROOT = join(__dirname, 'grpc');

/**
 * How every end loads a `.proto` contract, so the message types in this library describe what both
 * see: camelCase fields, int64 as number, enums by name, unset scalars as their defaults, and each
 * oneof's chosen field named by the oneof (`{ userId, lookup: 'userId' }`).
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};
