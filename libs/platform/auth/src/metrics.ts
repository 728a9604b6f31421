import { Metrics } from '@capstone/platform/observability';

export const verificationOutcomes = Metrics.counter({
  name: 'auth_verifications_total',
  help: 'Credential verifications by credential kind and result (accepted or an AuthErrorCode)',
  labelNames: ['credential', 'result'],
});

export const jwksFetches = Metrics.counter({
  name: 'auth_jwks_fetches_total',
  help: 'JWKS fetches from auth-service by result',
  labelNames: ['result'],
});
