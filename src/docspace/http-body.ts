// Reads a response body as a stream and stops at a size bound, so that an endless or huge answer costs
// at most the bound in memory and is cut off at once, instead of being buffered until the timeout.

/**
 * The largest answer read. A DocSpace answer is a page of at most a few hundred entries (well under a
 * MiB); 16 MiB leaves room for long titles without letting a broken proxy fill the runner's memory.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit} bytes`)
    this.name = 'BodyTooLarge'
  }
}

interface StreamedResponse {
  headers: { get(name: string): string | null }
  body: AsyncIterable<Uint8Array | string> | null
}

/** The body as text; throws BodyTooLarge (after `stop()`, which drops the connection) past `limit`. */
export async function readBodyCapped(
  response: StreamedResponse,
  limit: number,
  stop: () => void
): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    stop()
    throw new BodyTooLarge(limit)
  }
  if (!response.body) return ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    size += bytes.length
    if (size > limit) {
      stop()
      throw new BodyTooLarge(limit)
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`
}
