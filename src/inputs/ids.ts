import { inputError, showValue } from './input-error.js'

/** DocSpace ids are 32-bit signed integers on the server. */
export const MAX_ID = 2 ** 31 - 1

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NIL_UUID = '00000000-0000-0000-0000-000000000000'

function toId(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined
  const n = Number(text)
  return n >= 1 && n <= MAX_ID ? n : undefined
}

/** One id: plain digits, 1 to 2^31-1. */
export function parseId(name: string, value: string, operation: string): number {
  const id = toId(value)
  if (id !== undefined) return id
  if (/[,\r\n]/.test(value)) {
    throw inputError(
      name,
      `takes one id with \`${operation}\` (only \`sweep\` takes a list), like \`12345\``,
      value
    )
  }
  throw inputError(name, `must be a positive whole number up to ${MAX_ID}, like \`12345\``, value)
}

/** Ids separated by commas or new lines; empty entries are skipped and repeats dropped. */
export function parseIdList(name: string, value: string): number[] {
  const ids = new Set<number>()
  for (const entry of value.split(/[,\r\n]/)) {
    const text = entry.trim()
    if (text === '') continue
    const id = toId(text)
    if (id === undefined) {
      throw inputError(
        name,
        `must list positive whole numbers up to ${MAX_ID}, separated by commas or new lines, ` +
          `like \`101, 102\`; \`${showValue(text)}\` is not one`,
        value
      )
    }
    ids.add(id)
  }
  return [...ids]
}

/** A link id: a uuid, returned in lower case. The nil uuid is refused: the server reads it as "new link". */
export function parseLinkId(value: string): string {
  if (!UUID.test(value)) {
    throw inputError(
      'link-id',
      'must be the uuid of a link, like `3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f`',
      value
    )
  }
  const id = value.toLowerCase()
  if (id === NIL_UUID) {
    throw inputError(
      'link-id',
      'cannot be the nil uuid, which DocSpace reads as "create a new link"; give the id of an ' +
        'existing link, like `3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f`',
      value
    )
  }
  return id
}
