// A bad input stops the run before any request, with one line that names the input, says what is wrong
// and shows a good value. The bad value is quoted to help spot a typo, except for secrets.

export class InputError extends Error {
  /** The input at fault, when there is one (a missing target names several). */
  readonly input?: string

  constructor(message: string, input?: string) {
    super(message)
    this.name = 'InputError'
    this.input = input
  }
}

/** Inputs whose values are never shown, not even in part. */
export const SECRET_INPUTS: ReadonlySet<string> = new Set([
  'api-key',
  'auth-token',
  'link-password',
  'github-token'
])

const SHOWN_LENGTH = 40

/**
 * A value as a message may show it: on one line (control characters escaped) and cut to about 40
 * characters, so that a pasted document cannot flood the log.
 */
export function showValue(value: string): string {
  const chars = Array.from(value)
  const cut = chars.length > SHOWN_LENGTH ? `${chars.slice(0, SHOWN_LENGTH).join('')}…` : value
  return cut.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

/**
 * `` Input `name` <problem> (got `value`). `` The problem is a predicate that already carries an example
 * ("must be a positive whole number, like `3`"). Pass no value to leave it out.
 */
export function inputError(name: string, problem: string, value?: string): InputError {
  const got = value === undefined || SECRET_INPUTS.has(name) ? '' : ` (got \`${showValue(value)}\`)`
  return new InputError(`Input \`${name}\` ${problem}${got}.`, name)
}

/** Runs a value parser and turns its Error into an InputError for `name`. */
export function parseInput<T>(name: string, value: string, parse: (value: string) => T): T {
  try {
    return parse(value)
  } catch (error) {
    if (error instanceof InputError) throw error
    const problem = error instanceof Error ? error.message : String(error)
    throw inputError(name, problem, value)
  }
}
