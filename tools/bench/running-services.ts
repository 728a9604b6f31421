import type { ServiceProcess } from './service-process';

/**
 * The server processes one benchmark run starts, each announced as it starts and once it is
 * ready; `stopAll` stops whichever still run, as a run's `finally` must.
 */
export class RunningServices {
  private readonly running: ServiceProcess[] = [];

  constructor(private readonly progress: (line: string) => void) {}

  async start<T extends ServiceProcess>(name: string, starting: Promise<T>): Promise<T> {
    this.progress(`${name}: starting`);
    const service = await starting;
    this.running.push(service);
    this.progress(`${name}: ready after ${service.readyAfterMs.toFixed(0)} ms`);
    return service;
  }

  /** stop() is a no-op for a process already stopped, so each is simply asked again. */
  async stopAll(): Promise<void> {
    await Promise.all(this.running.map((service) => service.stop()));
  }
}
