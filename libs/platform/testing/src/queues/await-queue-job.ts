import type { JobType } from 'bullmq';
import { eventually, type DeadlineOptions } from '../eventually';

export interface QueuedJob<TData = unknown> {
  id?: string;
  name: string;
  data: TData;
}

/** The part of a BullMQ queue this helper reads; pass the application's own queue. */
export interface InspectableQueue {
  name: string;
  getJobs(types?: JobType[]): Promise<QueuedJob[]>;
}

const everyState: JobType[] = [
  'waiting',
  'delayed',
  'prioritized',
  'active',
  'completed',
  'failed',
];

/** Resolves with the first job, in any state, that satisfies the predicate, or fails at the deadline. */
export function awaitQueueJob<TData = unknown>(
  queue: InspectableQueue,
  predicate: (job: QueuedJob<TData>) => boolean,
  options: DeadlineOptions = {},
): Promise<QueuedJob<TData>> {
  return eventually(async () => {
    const jobs = (await queue.getJobs(everyState)) as QueuedJob<TData>[];
    const match = jobs.find(predicate);
    if (!match) throw new Error(`no job on queue ${queue.name} matched`);
    return match;
  }, options);
}
