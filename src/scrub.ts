// Last line of defence for secrets: every message the client logs or throws goes through a scrubber
// that knows the credentials of the connection and any password-like value of the request body.

const MASK = '***'
// Keys of a JSON request body whose string values are treated as secrets.
const SECRET_KEY = /pass(word)?|token|secret/i
// Bodies are small objects; the bound only guards against a cyclic or huge value.
const MAX_VISITS = 1000

export type Scrub = (text: string) => string

/**
 * Shorter values are never treated as secrets: masking a one-letter password would blank that letter in
 * every line of the job, and the runner drops any output that contains a masked value.
 */
export const MIN_SECRET_LENGTH = 4
// Needles are found by their first characters: every needle is at least this long.
const KEY_LENGTH = MIN_SECRET_LENGTH

// Base64 runs that only the secret's bytes determine, for the secret starting at each of the three byte
// offsets it can have inside a longer encoded value (a `user:key` pair, a JSON document).
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const run = encoded.slice(
      Math.ceil((offset * 8) / 6),
      Math.floor(((offset + bytes.length) * 8) / 6)
    )
    // A short run would match ordinary text by chance.
    if (run.length < 8) continue
    forms.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}

/** Finds many needles in one pass: a table from each needle's first characters to the needles. */
class NeedleTable {
  private readonly table = new Map<string, string[]>()

  constructor(needles: Iterable<string> = []) {
    for (const needle of needles) this.add(needle)
  }

  get size(): number {
    return this.table.size
  }

  add(needle: string): void {
    if (needle.length < KEY_LENGTH) return
    const key = needle.slice(0, KEY_LENGTH)
    const list = this.table.get(key) ?? []
    if (list.includes(needle)) return
    // Longest first, so that a secret containing another one is masked as a whole.
    const at = list.findIndex((other) => other.length < needle.length)
    list.splice(at < 0 ? list.length : at, 0, needle)
    this.table.set(key, list)
  }

  /** [start, end) of every match, left to right, without overlaps. */
  find(text: string): Array<[number, number]> {
    const found: Array<[number, number]> = []
    if (this.table.size === 0) return found
    for (let i = 0; i <= text.length - KEY_LENGTH; i++) {
      const list = this.table.get(text.slice(i, i + KEY_LENGTH))
      const hit = list?.find((needle) => text.startsWith(needle, i))
      if (hit === undefined) continue
      found.push([i, i + hit.length])
      i += hit.length - 1
    }
    return found
  }
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102)
}

function isPercentByte(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === 37 &&
    isHexDigit(text.charCodeAt(i + 1)) &&
    isHexDigit(text.charCodeAt(i + 2))
  )
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '"',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

/**
 * The text with percent-encoding and JSON escapes (once or twice over) decoded, and for each character of
 * it where it came from in the text: a secret that reaches a message encoded, wholly or in part, is found
 * in this view and masked in the text.
 */
function decodedView(text: string): { chars: string[]; from: number[]; to: number[] } {
  const chars: string[] = []
  const from: number[] = []
  const to: number[] = []
  const push = (value: string, start: number, end: number): void => {
    // Code units, not code points: positions in the joined view are positions in this list.
    for (let k = 0; k < value.length; k++) {
      chars.push(value[k])
      from.push(start)
      to.push(end)
    }
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '%' && isPercentByte(text, i)) {
      let j = i
      const bytes: number[] = []
      while (isPercentByte(text, j)) {
        bytes.push(parseInt(text.slice(j + 1, j + 3), 16))
        j += 3
      }
      const value = Buffer.from(bytes).toString('utf8')
      // Bytes that are not UTF-8 are kept as they were written.
      if (value.includes('\uFFFD')) push(text.slice(i, j), i, j)
      else push(value, i, j)
      i = j
      continue
    }
    if (c === '\\') {
      let j = i
      while (text[j] === '\\') j++
      const next = text[j]
      const hex = text.slice(j + 1, j + 5)
      if (next === 'u' && /^[0-9a-f]{4}$/i.test(hex)) {
        push(String.fromCharCode(parseInt(hex, 16)), i, j + 5)
        i = j + 5
      } else if (next !== undefined && Object.hasOwn(SHORT_ESCAPES, next)) {
        push(SHORT_ESCAPES[next], i, j + 1)
        i = j + 1
      } else {
        // A run of backslashes is one backslash escaped zero, one or more times over.
        push('\\', i, j)
        i = j
      }
      continue
    }
    push(c, i, i + 1)
    i++
  }
  return { chars, from, to }
}

function mask(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    out += text.slice(at, Math.max(at, start)) + MASK
    at = end
  }
  return out + text.slice(at)
}

/**
 * A scrubber that finds each secret in clear and in its common encodings: percent-encoded (wholly or
 * partly, `+` for a space), JSON-escaped (once or twice, `\uXXXX` too), base64 (standard and URL-safe,
 * also inside a longer encoded value) and hex (either case). One pass over the text finds every needle,
 * so that a run that has seen a thousand link passwords still scrubs the summary at once.
 */
export class SecretScrubber {
  // Needles searched in the text as written: the secrets, and their base64 and hex forms.
  private readonly plain = new NeedleTable()
  // Needles searched in the decoded view of the text: the secrets in clear.
  private readonly decoded = new NeedleTable()

  /** Adds a secret (values under MIN_SECRET_LENGTH are ignored); cheap, so values can come one by one. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return
    const clear = secret.includes(' ') ? [secret, secret.replace(/ /g, '+')] : [secret]
    const bytes = Buffer.from(secret, 'utf8')
    const hex = bytes.toString('hex')
    for (const needle of [...clear, ...base64Forms(bytes), hex, hex.toUpperCase()]) {
      this.plain.add(needle)
    }
    for (const needle of clear) this.decoded.add(needle)
  }

  scrub(text: string): string {
    if (this.plain.size === 0) return text
    const ranges = this.plain.find(text)
    if (text.includes('%') || text.includes('\\')) {
      const view = decodedView(text)
      for (const [start, end] of this.decoded.find(view.chars.join(''))) {
        ranges.push([view.from[start], view.to[end - 1]])
      }
    }
    return mask(text, ranges)
  }
}

/** A scrub function for a fixed set of secrets. */
export function makeScrub(secrets: Iterable<string | undefined>): Scrub {
  const scrubber = new SecretScrubber()
  for (const secret of secrets) scrubber.add(secret)
  return (text) => scrubber.scrub(text)
}

/** String values under password/token/secret keys of a JSON body, at any depth. */
export function secretsInBody(json: unknown): string[] {
  const found: string[] = []
  const queue: unknown[] = [json]
  for (let visits = 0; queue.length > 0 && visits < MAX_VISITS; visits++) {
    const value = queue.shift()
    if (value === null || typeof value !== 'object') continue
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && SECRET_KEY.test(key)) found.push(inner)
      else if (inner !== null && typeof inner === 'object') queue.push(inner)
    }
  }
  return found
}
