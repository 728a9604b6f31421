import { ValidationError } from '@capstone/platform/http';
import { MAX_BUCKETS, type Granularity, type RangeProblem } from './stats-range';

export function invalidRange(problem: RangeProblem, granularity: Granularity): ValidationError {
  return new ValidationError([
    problem === 'inverted'
      ? { field: 'from', message: 'from must be before to', code: 'range_inverted' }
      : {
          field: 'to',
          message: `a series by ${granularity} spans at most ${MAX_BUCKETS[granularity]} ${granularity}s`,
          code: 'range_too_long',
        },
  ]);
}
