import { inputError } from './input-error.js'

const NAME = 'portal-url'
const EXAMPLE = 'like `https://example.onlyoffice.com`'

function isLoopback(hostname: string): boolean {
  // URL has already normalized the host: lower case, IPv4 in dotted decimal, IPv6 in brackets.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

/**
 * The value with anything that may be a `user:password@` masked. A password typed without percent-encoding
 * can hold `/`, `?`, `#` or `@`, so everything between the scheme and the last `@` goes.
 */
export function maskedPortalUrl(value: string): string {
  return value.replace(/^([^:/?#]*:\/*).*@/s, '$1***@')
}

/** The credentials written into a portal URL, whatever they contain: to be masked before anything runs. */
export function portalUrlCredentials(value: string): string[] {
  try {
    const url = new URL(value)
    // An `@` further on (in a path) is no credential: masking the host would drop every share URL output.
    if (url.username === '' && url.password === '') return []
  } catch {
    // Not a URL as written (a password with `/` or `#` breaks it): look for credentials all the same.
  }
  const userInfo = /^[^:/?#]*:\/*(.*)@/s.exec(value)?.[1]
  if (!userInfo) return []
  const colon = userInfo.indexOf(':')
  const found = [userInfo, colon < 0 ? '' : userInfo.slice(colon + 1)]
  for (const part of [...found]) {
    try {
      found.push(decodeURIComponent(part))
    } catch {
      // Not percent-encoded: the raw value is already in the list.
    }
  }
  return found.filter((part) => part !== '')
}

/**
 * The portal's base URL as origin plus path prefix, without a trailing slash. Plain http is allowed only
 * for loopback hosts (a local emulator or a tunnel): anywhere else it would send the API key in clear.
 */
export function normalizePortalUrl(value: string): string {
  const shown = maskedPortalUrl(value)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw inputError(NAME, `must be a full URL, ${EXAMPLE}`, shown)
  }
  if (url.username !== '' || url.password !== '') {
    throw inputError(
      NAME,
      `must not contain a user name or password (authenticate with \`api-key\` or \`auth-token\`), ${EXAMPLE}`,
      shown
    )
  }
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) {
      throw inputError(
        NAME,
        `must use \`https://\` (plain \`http://\` only for localhost or 127.0.0.1), ${EXAMPLE}`,
        shown
      )
    }
  } else if (url.protocol !== 'https:') {
    throw inputError(NAME, `must be an \`https://\` URL, ${EXAMPLE}`, shown)
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    throw inputError(NAME, `must not have a query or fragment (\`?\`, \`#\`), ${EXAMPLE}`, shown)
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/api\/\d+(\.\d+)?$/i.test(path)) {
    throw inputError(
      NAME,
      `must be the portal's address, without the API path \`${path.slice(path.toLowerCase().lastIndexOf('/api/'))}\`, ${EXAMPLE}`,
      shown
    )
  }
  return `${url.origin}${path}`
}
