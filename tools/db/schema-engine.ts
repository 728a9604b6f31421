import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Wasm from '@prisma/schema-engine-wasm/schema_engine_bg';
import { MigrationAdapterFactory } from './migration-adapter';

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
 * Prisma 7's CLI downloads a native engine binary from Prisma's own host for migrations; the
 * WebAssembly build comes from npm, so migrations work wherever `npm ci` works.
 */
export type SchemaEngine = Wasm.SchemaEngine;
export type PrismaSchemaFile = { path: string; content: string };

export const noFilters: Wasm.SchemaFilter = { externalTables: [], externalEnums: [] };

// Node 20 runs WebAssembly, but @types/node 20 does not declare it; this is the part used here.
type WasmExports = Record<string, unknown>;
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: WasmExports };
};

let bindings: typeof Wasm | undefined;

function loadBindings(): typeof Wasm {
  if (bindings) return bindings;
  // The package's own entry imports the .wasm file as an ES module (a bundler feature Node lacks),
  // so the glue module is loaded directly and handed an instance built here.
  const glue = require('@prisma/schema-engine-wasm/schema_engine_bg') as typeof Wasm & {
    __wbg_set_wasm(exports: WasmExports): void;
  };
  const packageDir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const module = new WebAssembly.Module(readFileSync(join(packageDir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  bindings = glue;
  return glue;
}

/** Runs work against a schema engine connected to one database, and releases everything after. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: PrismaSchemaFile[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const factory = new MigrationAdapterFactory(databaseUrl);
  const engine = await loadBindings().SchemaEngine.new(
    { datamodels: schema.map((file): [string, string] => [file.path, file.content]) },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await factory.close();
  }
}
