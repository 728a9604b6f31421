import { Injectable } from '@nestjs/common';

/** The time every expiry is measured against; injected so tests move it instead of sleeping. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** `at + seconds`, for the lifetimes of tokens and sessions. */
export function secondsAfter(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}
