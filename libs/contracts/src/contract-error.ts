import type { z } from 'zod';

/** A message that does not match its contract; `issues` name each field at fault. */
export class ContractViolation extends Error {
  constructor(
    readonly contract: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `${contract}: ${issues.map((issue) => `${issue.path || '(root)'} ${issue.message}`).join('; ')}`,
    );
    this.name = 'ContractViolation';
  }

  static fromZod(contract: string, error: z.ZodError): ContractViolation {
    return new ContractViolation(
      contract,
      error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
}
