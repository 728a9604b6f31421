import {
  hostileHeaderValues,
  hostilePathSegments,
  hostileQueryValues,
  hostileStrings,
  type HostileValue,
  wrongTypes,
} from './hostile-values';
import {
  type Operation,
  type ParameterObject,
  plausibleValue,
  type SchemaObject,
  typeOf,
} from './openapi-document';

/** One request the probe sends: a plausible request to the operation, wrong in one place. */
export interface BadInputCase {
  name: string;
  /** Concrete and percent-encoded, with its query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface RequestParts {
  path: Record<string, string>;
  query: string[];
  headers: Record<string, string>;
  body?: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Every bad-input case for one operation, the plausible request first. */
export function badInputCases(operation: Operation): BadInputCase[] {
  const baseline = plausibleParts(operation);
  const at = (name: string, change: Partial<RequestParts>): BadInputCase =>
    toCase(operation, name, {
      ...baseline,
      ...change,
      headers: { ...baseline.headers, ...change.headers },
    });
  return [
    at('a plausible request', {}),
    ...bodyCases(operation).map(([name, change]) => at(name, change)),
    ...parameterCases(operation, baseline).map(([name, change]) => at(name, change)),
  ];
}

function plausibleParts(operation: Operation): RequestParts {
  const parameters = (where: ParameterObject['in']) =>
    operation.parameters.filter((parameter) => parameter.in === where);
  return {
    path: Object.fromEntries(
      parameters('path').map(({ name, schema }) => [
        name,
        encodeURIComponent(String(plausibleValue(schema ?? {}))),
      ]),
    ),
    // Only the required ones: each query case then changes exactly one parameter.
    query: parameters('query')
      .filter(({ required }) => required)
      .map(
        ({ name, schema }) => `${name}=${encodeURIComponent(String(plausibleValue(schema ?? {})))}`,
      ),
    headers: operation.body ? JSON_TYPE : {},
    body: operation.body && JSON.stringify(plausibleValue(operation.body)),
  };
}

function toCase(operation: Operation, name: string, parts: RequestParts): BadInputCase {
  const path = operation.path.replace(
    /\{(\w+)\}/g,
    (_, parameter: string) => parts.path[parameter] ?? '',
  );
  return {
    name,
    url: parts.query.length > 0 ? `${path}?${parts.query.join('&')}` : path,
    headers: parts.headers,
    body: parts.body,
  };
}

type Change = [name: string, change: Partial<RequestParts>];

function bodyCases(operation: Operation): Change[] {
  // A GET cannot carry a body; every other method may be sent one it does not expect.
  if (operation.method === 'GET') return [];
  const json = (name: string, body: string): Change => [name, { body, headers: JSON_TYPE }];
  const wholeBody: Change[] = [
    json('malformed JSON', '{"probe":'),
    json('an empty JSON body', ''),
    json('a JSON array body', '[]'),
    json('a JSON null body', 'null'),
    json('a JSON string body', '"probe"'),
    json('a deeply nested body', `${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`),
    json('a prototype-polluting body', '{"__proto__":{"admin":true}}'),
    json('a constructor-polluting body', '{"constructor":{"prototype":{"admin":true}}}'),
    json('a 1 MB body', JSON.stringify({ probe: 'a'.repeat(1024 * 1024) })),
    ['a text/plain body', { body: 'probe', headers: { 'Content-Type': 'text/plain' } }],
    [
      'a JSON body in UTF-16',
      { body: '{}', headers: { 'Content-Type': 'application/json; charset=utf-16' } },
    ],
  ];
  if (!operation.body) return [...wholeBody, json('an unexpected JSON body', '{"probe":1}')];

  const plausible = plausibleValue(operation.body) as Record<string, unknown>;
  return [
    ...wholeBody,
    json('an unknown field', JSON.stringify({ ...plausible, probeUnknown: 1 })),
    ...fieldMutations(operation.body, [], false).map(({ field, name, value }): Change =>
      json(`body.${field} ${name}`, JSON.stringify(replaced(plausible, field, value))),
    ),
  ];
}

const MISSING = Symbol('missing');

interface FieldMutation {
  /** Dotted, with `[0]` for the first array item: `user.email`, `roles[0]`. */
  field: string;
  name: string;
  value: unknown;
}

function fieldMutations(schema: SchemaObject, field: string[], required: boolean): FieldMutation[] {
  const here = (values: HostileValue<unknown>[]) =>
    values.map(({ name, value }) => ({
      field: field.join('.').replace(/\.\[/g, '['),
      name,
      value,
    }));
  const type = typeOf(schema);
  const own =
    field.length === 0
      ? []
      : [
          ...(required ? here([{ name: 'missing', value: MISSING }]) : []),
          ...here(wrongTypes(type)),
          ...(schema.enum ? here([{ name: 'outside its enum', value: 'probe-outside-enum' }]) : []),
          // The 1 MB string is one whole-body case: the body limit stops it before any field is read.
          ...(type === 'string'
            ? here(hostileStrings.filter(({ name }) => name !== 'a 1 MB string'))
            : []),
        ];
  const nested =
    type === 'object'
      ? Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
          fieldMutations(property, [...field, name], schema.required?.includes(name) ?? false),
        )
      : type === 'array'
        ? fieldMutations(schema.items ?? {}, [...field, '[0]'], false)
        : [];
  return [...own, ...nested];
}

/** A copy of the plausible body with one field replaced, or removed for `MISSING`. */
function replaced(body: Record<string, unknown>, field: string, value: unknown): unknown {
  const copy = structuredClone(body);
  const keys = field.split(/\.|(?=\[0\])/).map((key) => (key === '[0]' ? 0 : key));
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (node, key) => node[key] as Record<string | number, unknown>,
      copy,
    );
  const last = keys[keys.length - 1] as string | number;
  if (value === MISSING) delete parent[last];
  else parent[last] = value;
  return copy;
}

function parameterCases(operation: Operation, baseline: RequestParts): Change[] {
  return operation.parameters
    .flatMap((parameter): Change[] => {
      const label = `${parameter.in} ${parameter.name}`;
      switch (parameter.in) {
        case 'path':
          return hostilePathSegments.map(({ name, value }) => [
            `${label} ${name}`,
            { path: { ...baseline.path, [parameter.name]: value } },
          ]);
        case 'query':
          return [
            ...hostileQueryValues.map(({ name, value }): Change => [
              `${label} ${name}`,
              { query: [...baseline.query, `${parameter.name}=${value}`] },
            ]),
            [
              `${label} repeated`,
              { query: [...baseline.query, `${parameter.name}=1`, `${parameter.name}=2`] },
            ],
            [`${label} as an object`, { query: [...baseline.query, `${parameter.name}[$gt]=`] }],
          ];
        case 'header':
          return hostileHeaderValues.map(({ name, value }) => [
            `${label} ${name}`,
            { headers: { [parameter.name]: value } },
          ]);
        default:
          return [];
      }
    })
    .concat([['an unknown query parameter', { query: [...baseline.query, 'probeUnknown=1'] }]]);
}
