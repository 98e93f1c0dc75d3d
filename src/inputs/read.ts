import { inputError } from './input-error.js'

// Reading inputs the way the runner passes them: `INPUT_<NAME>` with the name upper-cased and spaces
// turned into underscores, hyphens kept (`INPUT_MAX-DOWNLOADS`). An empty or blank value means the
// input was not given, as with @actions/core.

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** The trimmed value, or undefined when not given. */
export function readInput(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[inputEnvName(name)]?.trim()
  return value === undefined || value === '' ? undefined : value
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** YAML 1.2 core booleans only, exactly like @actions/core's getBooleanInput. */
export function parseBoolean(name: string, value: string): boolean {
  if (TRUE.includes(value)) return true
  if (FALSE.includes(value)) return false
  throw inputError(name, 'must be `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`)', value)
}

export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean
export function readBoolean(env: NodeJS.ProcessEnv, name: string): boolean | undefined
export function readBoolean(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback?: boolean
): boolean | undefined {
  const value = readInput(env, name)
  return value === undefined ? fallback : parseBoolean(name, value)
}

/** A whole number written as plain digits (no sign, decimals or exponent) in [min, max]. */
export function parseWholeNumber(
  name: string,
  value: string,
  min: number,
  max: number,
  example: string
): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (n >= min && n <= max) return n
  const what =
    min === 1 && max >= 2 ** 31 - 1
      ? 'a positive whole number'
      : `a whole number from ${min} to ${max}`
  throw inputError(name, `must be ${what}, like \`${example}\``, value)
}

/** One of `choices`, matched without regard to case. */
export function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[]
): T {
  const found = choices.find((c) => c === value.toLowerCase())
  if (found !== undefined) return found
  const list = choices.map((c) => `\`${c}\``)
  const options = `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`
  throw inputError(name, `must be ${options}, like \`${choices[0]}\``, value)
}

/** Non-empty lines, each trimmed. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
