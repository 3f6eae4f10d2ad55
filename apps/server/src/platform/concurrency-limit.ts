/**
 * Runs at most `maxRunning` tasks at once within this process and queues the rest in arrival
 * order. With `maxWaiting` set, a task beyond the queue is not run and `run` returns `null`, so the
 * caller can respond with 503 instead of holding the request.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(maxRunning) || maxRunning < 1) {
      throw new TypeError("maxRunning must be a positive whole number.");
    }
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs the task when a slot is free; returns null when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }

    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task, so `running` stays the same.
      if (next) next();
      else this.running -= 1;
    }
  }
}
