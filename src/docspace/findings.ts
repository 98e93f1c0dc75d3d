import type { Logger } from '../log.js'

// What the portal layer finds wrong with answers that are otherwise usable: a listing cut short, an entry
// with a field of the wrong shape. Each is a warning at once; the run's result carries them to the summary
// (notes) and, for entries left alone, to the step's failures. Bounded: a portal that is wrong everywhere
// does not grow them without end.

const MAX_KEPT = 200

export class PortalFindings {
  readonly notes: string[] = []
  /** Entries the action could not judge and left alone. */
  readonly problems: string[] = []
  private dropped = 0

  constructor(private readonly log: Logger) {}

  note(message: string): void {
    this.keep(this.notes, message)
  }

  problem(message: string): void {
    this.keep(this.problems, message)
  }

  /** How many findings were past the bound (logged, but not kept). */
  get overflow(): number {
    return this.dropped
  }

  private keep(list: string[], message: string): void {
    if (list.includes(message)) return
    this.log.warning(message)
    if (list.length >= MAX_KEPT) this.dropped++
    else list.push(message)
  }
}
