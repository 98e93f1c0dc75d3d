// Last line of defence for secrets: every message the client logs or throws goes through a scrubber
// that knows the credentials of the connection and any password-like value of the request body.

const MASK = '***'
// Keys of a JSON request body whose string values are treated as secrets.
const SECRET_KEY = /pass(word)?|token|secret/i
// Bodies are small objects; the bound only guards against a cyclic or huge value.
const MAX_VISITS = 1000

export type Scrub = (text: string) => string

export function makeScrub(secrets: Iterable<string | undefined>): Scrub {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    needles.add(secret)
    // A secret can reach a message percent-encoded (a URL) as well as in clear.
    needles.add(encodeURIComponent(secret))
  }
  // Longest first, so that a secret containing another one is masked as a whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length)
  if (ordered.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const needle of ordered) out = out.split(needle).join(MASK)
    return out
  }
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
