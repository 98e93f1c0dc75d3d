import { DocSpaceError } from './errors.js'

// The whole step's share of the portal: a number of requests and a deadline. Every HTTP exchange (retries
// and redirects included) takes one request; a wait or a request that would end past the deadline is not
// started. Once spent, every later request fails at once with the same message, so loops end quickly.

export interface BudgetLimits {
  maxRequests?: number
  /** From the creation of the budget; undefined: no deadline. */
  timeoutMs?: number
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${(ms / 1000).toFixed(1)} s`
}

export class RequestBudget {
  private used = 0
  private readonly deadline: number | undefined

  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number = Date.now
  ) {
    this.deadline = limits.timeoutMs === undefined ? undefined : now() + limits.timeoutMs
  }

  get requests(): number {
    return this.used
  }

  /** Time left before the deadline; undefined without one. */
  remainingMs(): number | undefined {
    return this.deadline === undefined ? undefined : this.deadline - this.now()
  }

  /** Counts one request, or throws when the step has none left or is past its deadline. */
  take(endpoint: string): void {
    const remaining = this.remainingMs()
    if (remaining !== undefined && remaining <= 0) throw this.deadlineError(endpoint)
    const max = this.limits.maxRequests
    if (max !== undefined && this.used >= max) {
      throw new DocSpaceError(
        'limit',
        endpoint,
        `${endpoint}: the step has sent ${max} requests, its limit: nothing more is sent ` +
          '(raise `max-requests` if the portal really needs more, or split the work)'
      )
    }
    this.used++
  }

  deadlineError(endpoint: string): DocSpaceError {
    const timeout = this.limits.timeoutMs ?? 0
    return new DocSpaceError(
      'limit',
      endpoint,
      `${endpoint}: the step reached its deadline of ${minutes(timeout)}: nothing more is sent ` +
        '(raise `step-timeout`, or split the work)'
    )
  }
}
