/** The part of an OpenAPI 3 document the bad-input probe reads: what `@nestjs/swagger` writes. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** One method on one path, its schemas resolved: what the probe sends bad input to. */
export interface Operation {
  method: string;
  /** The templated path, e.g. `/api/auth/v1/sessions/{id}`. */
  path: string;
  parameters: ParameterObject[];
  /** The JSON body's schema, when the operation takes one. */
  body?: SchemaObject;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = referenceResolver(document);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const body = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          parameters: (operation.parameters ?? []).map((parameter) => ({
            ...parameter,
            schema: resolve(parameter.schema ?? {}),
          })),
          body: body && resolve(body),
        };
      }),
  );
}

/** Inlines `$ref`s and single-member `allOf`s (how Nest writes a nested DTO) to a fixed depth. */
function referenceResolver(document: OpenApiDocument): (schema: SchemaObject) => SchemaObject {
  const named = document.components?.schemas ?? {};
  const resolve = (schema: SchemaObject, depth: number): SchemaObject => {
    if (depth > 8) return {};
    if (schema.$ref) {
      const target = named[schema.$ref.replace('#/components/schemas/', '')];
      return resolve(target ?? {}, depth + 1);
    }
    if (schema.allOf?.length === 1)
      return resolve({ ...schema.allOf[0], ...without(schema, 'allOf') }, depth + 1);
    return {
      ...schema,
      ...(schema.items && { items: resolve(schema.items, depth + 1) }),
      ...(schema.properties && {
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([name, property]) => [
            name,
            resolve(property, depth + 1),
          ]),
        ),
      }),
    };
  };
  return (schema) => resolve(schema, 0);
}

function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const { [key]: _omitted, ...rest } = value;
  return rest as Partial<T>;
}

/** What a schema describes when it names no type: Nest leaves it off `@Min()`-only query numbers. */
export function typeOf(schema: SchemaObject): string {
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.minimum !== undefined) return 'number';
  return 'string';
}

/** A value the schema accepts, so each bad-input case differs from a plausible request in one place. */
export function plausibleValue(schema: SchemaObject): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          plausibleValue(property),
        ]),
      );
    case 'array':
      return [plausibleValue(schema.items ?? {})];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return plausibleString(schema);
  }
}

function plausibleString(schema: SchemaObject): string {
  if (schema.format === 'uuid') return '01933b7e-8f1a-7c3e-9a4b-2d5e6f708192';
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'email') return 'probe@example.com';
  return 'probe'.padEnd(schema.minLength ?? 0, '-');
}
