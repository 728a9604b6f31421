import { Counter, register } from 'prom-client';

// Two AuthModule instances in one process (tests, a hybrid app) must share, not re-register, a metric.
function counter<TLabel extends string>(name: string, help: string, labelNames: readonly TLabel[]) {
  return (
    (register.getSingleMetric(name) as Counter<TLabel> | undefined) ??
    new Counter({ name, help, labelNames })
  );
}

export const verificationOutcomes = counter(
  'auth_verifications_total',
  'Credential verifications by credential kind and result (accepted or an AuthErrorCode)',
  ['credential', 'result'],
);

export const jwksFetches = counter(
  'auth_jwks_fetches_total',
  'JWKS fetches from auth-service by result',
  ['result'],
);
