import { USER_DIRECTORY_PACKAGE, USER_DIRECTORY_PROTO_PATH } from '@capstone/contracts';
import { realWorldErrors, type HttpOptions } from '@capstone/platform/http';

const realWorld = realWorldErrors({
  fixedAnswers: { invalid_credentials: { credentials: ['invalid'] } },
  fieldNames: { newPassword: 'password' },
});

/** What main.ts gives bootstrapService, and the tests give createTestApp: one definition for both. */
export const httpOptions: HttpOptions = {
  api: {
    title: 'Capstone auth-service',
    description: 'Accounts, sessions, tokens, signing keys, API keys and the audit log.',
    version: '1',
  },
  // The RealWorld user endpoints answer in that API's own error format.
  errorMappers: { '/api/users': realWorld, '/api/user': realWorld },
  // Other services repair their projections of a user here (ADR 0010); never routed by the gateway.
  grpc: { package: USER_DIRECTORY_PACKAGE, protoPath: USER_DIRECTORY_PROTO_PATH },
};
