// The body of a request, produced afresh for each attempt or redirect: a stream given directly can be
// sent only once, so the retry loop and the redirects ask here before repeating a request.
import type { BodyInit } from 'node-fetch'
import type { RequestOptions } from './api.js'

function isSingleUse(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false
  const b = body as { pipe?: unknown; getReader?: unknown; [Symbol.asyncIterator]?: unknown }
  return (
    typeof b.pipe === 'function' ||
    typeof b.getReader === 'function' ||
    typeof b[Symbol.asyncIterator] === 'function'
  )
}

// Produces the request body for each attempt and knows whether it can be produced again.
export class BodySource {
  private sent = false

  constructor(private readonly options: RequestOptions) {}

  get present(): boolean {
    return this.options.json !== undefined || this.options.body !== undefined
  }

  get isJson(): boolean {
    return this.options.json !== undefined
  }

  canSendAgain(): boolean {
    const body = this.options.body
    return !this.sent || typeof body === 'function' || !isSingleUse(body)
  }

  async next(): Promise<BodyInit | undefined> {
    this.sent = true
    if (this.options.json !== undefined) return JSON.stringify(this.options.json)
    const body = this.options.body
    if (typeof body === 'function') return (await (body as () => unknown)()) as BodyInit
    return body as BodyInit | undefined
  }
}
