// Loopback HTTP helper for the emulator tests.
import type { Emulator } from '../../emulator/server.js'

export interface CallOptions {
  json?: unknown
  /** A raw body, sent as is with a JSON content type. */
  body?: string
  /** Authorization header value; defaults to the admin API key. Null sends none. */
  auth?: string | null
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  text: string
  // Tests index into the body freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: Headers
}

export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers }
  const auth = options.auth === undefined ? `Bearer ${emulator.adminKey}` : options.auth
  if (auth !== null) headers.Authorization = auth
  let body: string | undefined = options.body
  if (options.json !== undefined) body = JSON.stringify(options.json)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(emulator.url + path, { method, headers, body })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: res.status, text, body: parsed, headers: res.headers }
}
