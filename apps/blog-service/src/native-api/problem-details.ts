import { STATUS_CODES } from 'node:http';
import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';

interface ProblemExample {
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: { field: string; message: string; code: string }[];
}

/** An error response as the native API writes every failure: RFC 9457 problem details, by example. */
export function problemResponse(
  description: string,
  { status, ...example }: ProblemExample,
): ApiResponseNoStatusOptions {
  return {
    description,
    content: {
      'application/problem+json': {
        example: {
          type: 'about:blank',
          // As the platform's problem-details mapper titles every answer.
          title: STATUS_CODES[status],
          status,
          ...example,
          requestId: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f',
        },
      },
    },
  };
}
