/** One variable at fault. Never carries the value itself: it may be a secret. */
export interface ConfigurationProblem {
  variable: string;
  problem: string;
  expected?: string;
}

/** Every problem with the environment, found in one pass, so an operator fixes them all at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: ConfigurationProblem[]) {
    super(
      [
        `Invalid configuration: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
        ...problems.map(
          ({ variable, problem, expected }) =>
            `  ${variable}: ${problem}${expected ? ` (expected ${expected})` : ''}`,
        ),
      ].join('\n'),
    );
    this.name = 'ConfigurationError';
  }
}
