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

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

// `[aA]` for a letter, the digit itself otherwise: hex read in either case.
function anyCaseHex(hex: string): string {
  return [...hex]
    .map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d))
    .join('')
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t'
}

// One character of a secret as it may appear in text: as itself, percent-encoded (wholly or, in a mixed
// string, on its own), `+` for a space in a form, or as a JSON escape.
function characterForms(char: string): string {
  const forms = [regexEscape(char)]
  const bytes = Buffer.from(char, 'utf8')
  forms.push([...bytes].map((b) => `%${anyCaseHex(b.toString(16).padStart(2, '0'))}`).join(''))
  if (char === ' ') forms.push('\\+')
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i))
  forms.push(units.map((u) => `\\\\u${anyCaseHex(u.toString(16).padStart(4, '0'))}`).join(''))
  const short = JSON_SHORT[char]
  // Escaped once, or twice (JSON inside a JSON string, such as the `links` output quoted in a message).
  if (short) forms.push(regexEscape(short), regexEscape(JSON.stringify(short).slice(1, -1)))
  return `(?:${forms.join('|')})`
}

// Base64 runs that only the secret's bytes determine, for the secret starting at each of the three byte
// offsets it can have inside a longer encoded value (a `user:key` pair, a JSON document).
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const first = Math.ceil((offset * 8) / 6)
    const last = Math.floor(((offset + bytes.length) * 8) / 6)
    const run = encoded.slice(first, last)
    // A short run would match ordinary text by chance.
    if (run.length < 8) continue
    forms.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}

/** A regular expression source that finds the secret in clear or in any of its common encodings. */
function secretPattern(secret: string): string {
  const hex = Buffer.from(secret, 'utf8').toString('hex')
  const alternatives = [
    [...secret].map(characterForms).join(''),
    anyCaseHex(hex),
    ...base64Forms(secret).map(regexEscape)
  ]
  return alternatives.join('|')
}

export function makeScrub(secrets: Iterable<string | undefined>): Scrub {
  const unique = new Set<string>()
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) unique.add(secret)
  }
  if (unique.size === 0) return (text) => text
  // Longest first, so that a secret containing another one is masked as a whole.
  const ordered = [...unique].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(ordered.map(secretPattern).join('|'), 'g')
  return (text) => text.replace(pattern, MASK)
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
