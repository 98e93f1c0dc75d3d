import { OPERATIONS, type Operation } from '../request.js'
import { inputError } from './input-error.js'
import { readInput } from './read.js'

/** What `require` may name: every operation but the check itself. */
export const REQUIRABLE: readonly Operation[] = OPERATIONS.filter((o) => o !== 'check-portal')

/** The `require` input of `check-portal`: operations separated by commas or new lines, each once. */
export function readRequire(env: NodeJS.ProcessEnv): Operation[] {
  const value = readInput(env, 'require')
  if (value === undefined) return []
  const wanted: Operation[] = []
  for (const entry of value.split(/[,\r\n]/)) {
    const name = entry.trim().toLowerCase()
    if (name === '') continue
    const operation = REQUIRABLE.find((o) => o === name)
    if (operation === undefined) {
      throw inputError(
        'require',
        `must list operations of this action (${REQUIRABLE.map((o) => `\`${o}\``).join(', ')}), ` +
          'separated by commas or new lines, like `create-link, enforce-limits`',
        value
      )
    }
    if (!wanted.includes(operation)) wanted.push(operation)
  }
  return wanted
}
