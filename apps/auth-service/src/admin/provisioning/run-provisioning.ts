import { NestFactory } from '@nestjs/core';
import { loadEnvironmentFile } from '@capstone/platform/config';
import { DomainError } from '@capstone/platform/http';
import { ProvisioningModule } from './provisioning.module';
import { UserProvisioning } from './user-provisioning.service';

/** Starts the provisioning context, hands its UserProvisioning to `work`, and always closes it. */
export async function runProvisioning(
  work: (provisioning: UserProvisioning) => Promise<void>,
): Promise<void> {
  loadEnvironmentFile();
  const context = await NestFactory.createApplicationContext(ProvisioningModule, {
    logger: ['error', 'warn'],
  });
  try {
    await work(context.get(UserProvisioning));
  } finally {
    await context.close();
  }
}

/** Prints why a provisioning command failed, each field at fault on its own line, and exits 1. */
export function exitWithFailure(error: unknown): never {
  const fields =
    error instanceof DomainError
      ? error.fieldErrors.map((field) => `  ${field.field}: ${field.message}`)
      : [];
  console.error([error instanceof Error ? error.message : String(error), ...fields].join('\n'));
  process.exit(1);
}
