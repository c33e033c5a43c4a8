import type { Logger } from 'pino';

/**
 * Runs `work` every `intervalMs`, one run at a time; a run that found work is followed at once by another.
 * `stop` waits for the run in progress, so shutdown never cuts one in half.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<number>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick();
    }, delay);
  }

  private async tick(): Promise<void> {
    let found = 0;
    try {
      found = await this.work();
    } catch (error) {
      this.logger.warn({ err: error, poller: this.name }, 'poller run failed; trying again');
    }
    this.schedule(found > 0 ? 0 : this.intervalMs);
  }
}
