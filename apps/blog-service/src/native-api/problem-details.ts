import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';

interface ProblemExample {
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: { field: string; message: string; code: string }[];
}

const TITLES: Record<number, string> = { 404: 'Not Found', 422: 'Unprocessable Entity' };

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
          title: TITLES[status],
          status,
          ...example,
          requestId: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f',
        },
      },
    },
  };
}
