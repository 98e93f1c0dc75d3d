// Model binding like ASP.NET's: JSON properties matched case-insensitively, unknown ones ignored, type
// mismatches and range violations collected into a 400 validation problem.
import { ValidationError } from './http.js'
import { parseApiDate } from './dates.js'
import { FileShare } from './enums.js'

const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000'

export class BodyFields {
  private readonly values = new Map<string, unknown>()
  private readonly errors: Record<string, string[]> = {}

  constructor(body: unknown) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ValidationError({
        $: ['The JSON value could not be converted to the request type.']
      })
    }
    for (const [k, v] of Object.entries(body)) this.values.set(k.toLowerCase(), v)
  }

  /** null counts as absent, as for the server's nullable properties. */
  private raw(name: string): unknown {
    const v = this.values.get(name.toLowerCase())
    return v === null ? undefined : v
  }

  private fail(name: string, message: string): undefined {
    ;(this.errors[name] ??= []).push(message)
    return undefined
  }

  private convertError(name: string, type: string): undefined {
    return this.fail(
      `$.${name}`,
      `The JSON value could not be converted to ${type}. Path: $.${name}`
    )
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined
  }

  string(name: string, maxLength?: number): string | undefined {
    const v = this.raw(name)
    if (v === undefined) return undefined
    if (typeof v !== 'string') return this.convertError(name, 'System.String')
    if (maxLength !== undefined && v.length > maxLength) {
      return this.fail(
        pascal(name),
        `The field ${pascal(name)} must be a string with a maximum length of ${maxLength}.`
      )
    }
    return v
  }

  bool(name: string): boolean | undefined {
    const v = this.raw(name)
    if (v === undefined) return undefined
    return typeof v === 'boolean' ? v : this.convertError(name, 'System.Boolean')
  }

  /** Numbers may also come as numeric strings (the server's AllowReadingFromString). */
  int(name: string, range?: { min: number; max: number }): number | undefined {
    const v = this.raw(name)
    if (v === undefined) return undefined
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      return this.convertError(name, 'System.Int32')
    }
    if (range && (n < range.min || n > range.max)) {
      return this.fail(
        pascal(name),
        `The field ${pascal(name)} must be between ${range.min} and ${range.max}.`
      )
    }
    return n
  }

  /** A GUID in lower-case 8-4-4-4-12 form; an empty string counts as absent. */
  guid(name: string): string | undefined {
    const v = this.raw(name)
    if (v === undefined || v === '') return undefined
    const m = typeof v === 'string' ? GUID.exec(v.trim()) : null
    if (!m) return this.convertError(name, 'System.Guid')
    return m.slice(1).join('-').toLowerCase()
  }

  /** An ApiDateTime: only a JSON string is readable; the object form of the spec is not. */
  date(name: string): Date | undefined {
    const v = this.raw(name)
    if (v === undefined) return undefined
    const d = typeof v === 'string' ? parseApiDate(v) : undefined
    return d ?? this.convertError(name, 'ASC.Api.Core.ApiDateTime')
  }

  /** FileShare: a number, or a member name; any other string (or nothing) is None. */
  fileShare(name: string): number {
    const v = this.raw(name)
    if (typeof v === 'number') return Number.isInteger(v) ? v : FileShare.None
    if (typeof v === 'string') {
      if (/^\d+$/.test(v)) return Number(v)
      return (FileShare as Record<string, number>)[v] ?? FileShare.None
    }
    if (v !== undefined && typeof v === 'object') {
      this.convertError(name, 'ASC.Files.Core.Security.FileShare')
    }
    return FileShare.None
  }

  /** Throws the collected validation problem, if any. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw new ValidationError(this.errors)
  }
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** `startIndex` (default 0) and `count` (default 100, 1..100) of list endpoints. */
export function paging(query: Record<string, string>): { startIndex: number; count: number } {
  const errors: Record<string, string[]> = {}
  const read = (name: string, fallback: number): number => {
    const text = query[name]
    if (text === undefined || text === '') return fallback
    if (!/^\s*-?\d+\s*$/.test(text)) {
      errors[name] = [`The value '${text}' is not valid for ${pascal(name)}.`]
      return fallback
    }
    return Number(text)
  }
  const startIndex = Math.max(0, read('startIndex', 0))
  const count = read('count', 100)
  if (!errors.count && (count < 1 || count > 100)) {
    errors.count = ['The field Count must be between 1 and 100.']
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors)
  return { startIndex, count }
}

/** An optional integer query parameter; malformed → 400 validation. */
export function intQuery(query: Record<string, string>, name: string): number | undefined {
  const text = query[name]
  if (text === undefined || text === '') return undefined
  if (!/^\s*-?\d+\s*$/.test(text)) {
    throw new ValidationError({ [name]: [`The value '${text}' is not valid.`] })
  }
  return Number(text)
}
