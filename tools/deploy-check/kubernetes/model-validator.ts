// Runs as its own Node process (see model-validation.ts): reads resources as JSON on stdin and
// writes, as JSON on stdout, what the Kubernetes OpenAPI schemas in kubernetes-models reject.
import { text } from 'node:stream/consumers';
import type { ErrorObject } from 'ajv';
import { describeSchemaErrors } from '../schema-errors';

export interface ModelViolation {
  /** Position of the resource in the input. */
  readonly index: number;
  readonly path: string;
  readonly message: string;
}

interface KubernetesModel {
  validate(): void;
}

type ModelClass = new (data: unknown) => KubernetesModel;

// Both end up in an import path, so only well-formed values get there: apps/v1, v1, networking.k8s.io/v1.
const API_VERSION = /^([a-z0-9-]+(\.[a-z0-9-]+)*\/)?v\d+((alpha|beta)\d+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

async function modelClassFor(apiVersion: unknown, kind: unknown): Promise<ModelClass | undefined> {
  if (
    typeof apiVersion !== 'string' ||
    typeof kind !== 'string' ||
    !API_VERSION.test(apiVersion) ||
    !KIND.test(kind)
  ) {
    return undefined;
  }
  try {
    const module: Record<string, ModelClass | undefined> = await import(
      `kubernetes-models/${apiVersion}/${kind}`
    );
    return module[kind];
  } catch {
    return undefined;
  }
}

async function violationsOf(
  resource: { apiVersion?: unknown; kind?: unknown },
  index: number,
): Promise<ModelViolation[]> {
  const Model = await modelClassFor(resource.apiVersion, resource.kind);
  if (Model === undefined) {
    return [
      {
        index,
        path: '',
        message: `${String(resource.apiVersion)} ${String(resource.kind)} is not a Kubernetes kind`,
      },
    ];
  }
  try {
    new Model(resource).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: ErrorObject[] }).errors;
    if (errors === undefined) {
      throw error;
    }
    return describeSchemaErrors(errors).map((violation) => ({ index, ...violation }));
  }
}

async function main(): Promise<void> {
  const resources: { apiVersion?: unknown; kind?: unknown }[] = JSON.parse(
    await text(process.stdin),
  );
  const violations = await Promise.all(resources.map(violationsOf));
  process.stdout.write(JSON.stringify(violations.flat()));
}

void main();
