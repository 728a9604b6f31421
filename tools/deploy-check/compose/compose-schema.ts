import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import composeSpecification from '../schemas/compose-spec.json';
import { describeSchemaErrors, type SchemaViolation } from '../schema-errors';

let validateCompose: ValidateFunction | undefined;

/** Unknown keys, wrong types and values outside an enum, as the Compose Specification defines them. */
export function composeSchemaViolations(compose: unknown): SchemaViolation[] {
  validateCompose ??= compileComposeSchema();
  return validateCompose(compose) ? [] : describeSchemaErrors(validateCompose.errors ?? []);
}

function compileComposeSchema(): ValidateFunction {
  // The $schema key names draft-07's meta-schema, which Ajv would try to fetch; the schema alone suffices.
  const { $schema: _metaSchema, ...schema } = composeSpecification;
  // strict: false tolerates the schema's vendor keywords; allErrors reports every problem at once.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
