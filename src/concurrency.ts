// A bounded pool of async tasks. The sweep runs every request to the portal through one pool, so the
// `concurrency` input bounds requests (DocSpace allows 50 parallel reads and 15 parallel writes per user)
// rather than targets, and a 429 can hold back the whole sweep, not just the request that got it.

export interface TaskPoolOptions {
  /** The clock, injectable so tests can pin time. */
  now?: () => number
}

export class TaskPool {
  private slots: number
  private running = 0
  private readonly waiting: Array<() => void> = []
  private head = 0
  private resumeAt = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly now: () => number

  constructor(limit: number, options: TaskPoolOptions = {}) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new Error(`a task pool needs a positive whole number of slots (got ${limit})`)
    }
    this.slots = limit
    this.now = options.now ?? Date.now
  }

  /** How many tasks may run at once. */
  get limit(): number {
    return this.slots
  }

  /**
   * Changes how many tasks may run at once. Tasks already running go on; a smaller limit only holds back
   * the next ones.
   */
  resize(limit: number): void {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new Error(`a task pool needs a positive whole number of slots (got ${limit})`)
    }
    this.slots = limit
    this.drain()
  }

  /** Tasks running now. */
  get active(): number {
    return this.running
  }

  /** Tasks queued and not yet started. */
  get pending(): number {
    return this.waiting.length - this.head
  }

  /** True while a pause holds back new tasks. */
  get paused(): boolean {
    return this.resumeAt > this.now()
  }

  /** Runs the task once a slot is free (first come, first served) and settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        this.running++
        // A task that throws before returning its promise must still give its slot back.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            this.running--
            this.drain()
          })
      })
      this.drain()
    })
  }

  /**
   * Starts no new task for `ms` milliseconds. Tasks already running go on. A shorter pause never cuts a
   * longer one short, so each 429 can simply report its own Retry-After.
   */
  pause(ms: number): void {
    if (!(ms > 0)) return
    this.resumeAt = Math.max(this.resumeAt, this.now() + ms)
    this.drain()
  }

  private drain(): void {
    const wait = this.resumeAt - this.now()
    if (wait > 0) {
      if (this.timer === undefined && this.pending > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined
          this.drain()
        }, wait)
      }
      return
    }
    while (this.running < this.slots && this.head < this.waiting.length) {
      const start = this.waiting[this.head]
      this.waiting[this.head++] = noop
      start()
    }
    // Compact now and then rather than shift() each time, which is linear in the queue length.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head)
      this.head = 0
    }
  }
}

function noop(): void {}

/**
 * Calls `work` for every item, at most `limit` at a time, and settles each one: a failing item never
 * stops the others. Results keep the order of the items.
 */
export async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<PromiseSettledResult<R>[]> {
  const pool = new TaskPool(Math.max(1, Math.min(limit, items.length || 1)))
  return Promise.allSettled(items.map((item, index) => pool.run(() => work(item, index))))
}
