// Who is calling: the server's authentication scheme selection, reduced to what the emulator models.
import type { IncomingMessage } from 'node:http'
import type { Directory, UserRecord } from './users.js'

export const AUTH_COOKIE = 'asc_auth_key'

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/**
 * `Bearer sk-…` is an API key; `Basic` is e-mail and password; any other Authorization value is a
 * session token (a leading `Bearer ` stripped); without the header, the `asc_auth_key` cookie. A bare
 * `sk-…` is therefore read as a token and fails, as on the server.
 */
export function identify(req: IncomingMessage, directory: Directory): UserRecord | undefined {
  const header = req.headers.authorization?.trim()
  if (!header) {
    const token = cookie(req, AUTH_COOKIE)
    return token ? directory.byToken(decodeURIComponent(token)) : undefined
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(header)
  if (bearer && bearer[1].startsWith('sk-')) return directory.byApiKey(bearer[1])
  const basic = /^Basic\s+(.+)$/i.exec(header)
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon < 0
      ? undefined
      : directory.byCredentials(decoded.slice(0, colon), decoded.slice(colon + 1))
  }
  return directory.byToken(bearer ? bearer[1] : header)
}
