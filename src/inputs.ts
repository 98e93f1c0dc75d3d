import {
  OPERATIONS,
  type ActionRequest,
  type Auth,
  type Connection,
  type NoFilesFound,
  type Operation,
  type SweepPolicy,
  type Target,
  type UploadSettings
} from './request.js'
import { parseDuration } from './time/duration.js'
import { parseLinkId } from './inputs/ids.js'
import { InputError, inputError, parseInput } from './inputs/input-error.js'
import { readLinkSettings } from './inputs/link-settings.js'
import { normalizePortalUrl } from './inputs/portal-url.js'
import { readStepBounds } from './inputs/bounds.js'
import { parseChoice, parseWholeNumber, readBoolean, readInput, splitLines } from './inputs/read.js'
import { readRunner } from './inputs/runner.js'
import { readTargets } from './inputs/targets.js'
import { readRequire } from './inputs/require.js'

export { InputError } from './inputs/input-error.js'

// Every input is read and checked here, before any request, so that a typo fails the step at once with
// a message naming the input. The defaults repeat those of action.yml: the runner applies them, but
// `node dist/index.js` run by hand does not. Inputs an operation does not use are not read at all.

export const DEFAULT_REQUEST_TIMEOUT_S = 30
export const MAX_REQUEST_TIMEOUT_S = 600
export const DEFAULT_MAX_RETRIES = 3
export const MAX_RETRIES = 10
export const DEFAULT_CONCURRENCY = 8
/** DocSpace runs at most 15 writes of one user at a time and refuses more (429). */
export const MAX_CONCURRENCY = 15
export const MAX_SUBFOLDER_LENGTH = 170
/** Below the server's 1,500 a minute per user, leaving room for the user's own work. */
export const DEFAULT_REQUESTS_PER_MINUTE = 1200
/** Above 1,500 only for a portal whose rate limiter is off (the default of a self-hosted install). */
export const MAX_REQUESTS_PER_MINUTE = 60_000

const NO_FILES_FOUND: readonly NoFilesFound[] = ['error', 'warn', 'ignore']

export function getInputs(
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date()
): ActionRequest {
  const operation = readOperation(env)
  const connection = readConnection(env)
  const targets = readTargets(env, operation)
  const linkId = readLinkId(env, operation)
  const upload = readUpload(env, operation)
  const link = readLinkSettings(
    env,
    {
      operation,
      kind: operation === 'upload' ? 'file' : ((targets[0] as Target | undefined)?.kind ?? 'file'),
      linksWanted: operation !== 'upload' || upload.createLinks
    },
    now
  )
  if ((operation === 'update-link' || operation === 'revoke-link') && !linkId && !link.title) {
    throw new InputError(
      `Input \`link-id\` or \`title\` is required with \`${operation}\` to pick the link, like ` +
        '`link-id: 3f2b8c9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f`.',
      'link-id'
    )
  }
  return {
    operation,
    connection,
    targets,
    ...(linkId === undefined ? {} : { linkId }),
    link,
    dryRun: readBoolean(env, 'dry-run', false),
    policy: readPolicy(env, operation),
    upload,
    ...(operation === 'check-portal' ? { require: readRequire(env) } : {}),
    runner: readRunner(env)
  }
}

function readOperation(env: NodeJS.ProcessEnv): Operation {
  const value = readInput(env, 'operation')
  if (value === undefined) {
    throw new InputError(
      `Input \`operation\` is required: one of ${OPERATIONS.map((o) => `\`${o}\``).join(', ')}, ` +
        'like `create-link`.',
      'operation'
    )
  }
  return parseChoice('operation', value, OPERATIONS)
}

function readConnection(env: NodeJS.ProcessEnv): Connection {
  const portal = readInput(env, 'portal-url') ?? env.DOCSPACE_PORTAL_URL?.trim()
  if (!portal) {
    throw new InputError(
      'Input `portal-url` is required (or the `DOCSPACE_PORTAL_URL` environment variable), like ' +
        '`https://example.onlyoffice.com`.',
      'portal-url'
    )
  }
  const timeout = readInput(env, 'request-timeout')
  const retries = readInput(env, 'max-retries')
  return {
    portalUrl: normalizePortalUrl(portal),
    auth: readAuth(env),
    requestTimeoutMs:
      timeout === undefined ? DEFAULT_REQUEST_TIMEOUT_S * 1000 : parseTimeoutMs(timeout),
    maxRetries:
      retries === undefined
        ? DEFAULT_MAX_RETRIES
        : parseWholeNumber('max-retries', retries, 0, MAX_RETRIES, '3'),
    ...readStepBounds(env)
  }
}

function readAuth(env: NodeJS.ProcessEnv): Auth {
  const apiKey = readInput(env, 'api-key')
  const authToken = readInput(env, 'auth-token')
  if (apiKey !== undefined && authToken !== undefined) {
    throw new InputError(
      'Inputs `api-key` and `auth-token` were given together; give only one, like ' +
        '`api-key: ${{ secrets.DOCSPACE_API_KEY }}`.',
      'auth-token'
    )
  }
  // An explicit `auth-token` wins over the ambient DOCSPACE_API_KEY: the environment is only a fallback.
  if (authToken !== undefined) {
    checkCredential('auth-token', authToken)
    return { kind: 'auth-token', authToken }
  }
  const key = apiKey ?? env.DOCSPACE_API_KEY?.trim()
  if (!key) {
    throw new InputError(
      'Input `api-key` (or the `DOCSPACE_API_KEY` environment variable) or `auth-token` is required, ' +
        'like `api-key: ${{ secrets.DOCSPACE_API_KEY }}`.',
      'api-key'
    )
  }
  checkCredential('api-key', key)
  return { kind: 'api-key', apiKey: key }
}

/**
 * The credential goes into a header (or a cookie), where spaces, line breaks and non-ASCII characters
 * would make Node refuse the request or the server cut the value. The message never shows the value.
 */
function checkCredential(name: 'api-key' | 'auth-token', value: string): void {
  const allowed = name === 'auth-token' ? /^[\x21-\x3a\x3c-\x7e]+$/ : /^[\x21-\x7e]+$/
  if (!allowed.test(value)) {
    throw inputError(
      name,
      `must be a single token of printable ASCII characters without spaces${
        name === 'auth-token' ? ' or `;`' : ''
      }; check the secret for line breaks or a pasted label, like \`\${{ secrets.DOCSPACE_API_KEY }}\``
    )
  }
}

function parseTimeoutMs(value: string): number {
  const seconds = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN
  const ms = Math.round(seconds * 1000)
  if (ms >= 1 && seconds <= MAX_REQUEST_TIMEOUT_S) return ms
  throw inputError(
    'request-timeout',
    `must be a positive number of seconds up to ${MAX_REQUEST_TIMEOUT_S}, like \`30\``,
    value
  )
}

function readLinkId(env: NodeJS.ProcessEnv, operation: Operation): string | undefined {
  const value = readInput(env, 'link-id')
  if (value === undefined) return undefined
  if (operation === 'create-link') {
    throw inputError(
      'link-id',
      'does not apply to `create-link`, which makes a new link; to change an existing link use ' +
        '`operation: update-link`, like `operation: update-link`',
      value
    )
  }
  if (
    operation !== 'update-link' &&
    operation !== 'revoke-link' &&
    operation !== 'enforce-limits'
  ) {
    return undefined
  }
  return parseLinkId(value)
}

function readPolicy(env: NodeJS.ProcessEnv, operation: Operation): SweepPolicy {
  const policy: SweepPolicy = {
    revokeExpired: true,
    enforceMaxDownloads: true,
    includePrimary: false,
    recursive: false,
    concurrency: DEFAULT_CONCURRENCY,
    requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE,
    failOnError: true
  }
  if (operation !== 'enforce-limits' && operation !== 'sweep') return policy

  policy.revokeExpired = readBoolean(env, 'revoke-expired', true)
  policy.enforceMaxDownloads = readBoolean(env, 'enforce-max-downloads', true)
  const maxAge = readInput(env, 'max-age')
  if (maxAge !== undefined) policy.maxAgeMs = parseInput('max-age', maxAge, parseDuration)
  const pattern = readInput(env, 'title-pattern')
  if (pattern !== undefined) policy.titlePattern = pattern
  policy.includePrimary = readBoolean(env, 'include-primary', false)
  policy.recursive = readBoolean(env, 'recursive', false)
  if (operation !== 'sweep') return policy

  const perMinute = readInput(env, 'requests-per-minute')
  if (perMinute !== undefined) {
    policy.requestsPerMinute = parseWholeNumber(
      'requests-per-minute',
      perMinute,
      1,
      MAX_REQUESTS_PER_MINUTE,
      '600'
    )
  }
  const concurrency = readInput(env, 'concurrency')
  if (concurrency !== undefined) {
    policy.concurrency = parseWholeNumber('concurrency', concurrency, 1, MAX_CONCURRENCY, '8')
  }
  policy.failOnError = readBoolean(env, 'fail-on-error', true)
  return policy
}

function readUpload(env: NodeJS.ProcessEnv, operation: Operation): UploadSettings {
  const upload: UploadSettings = {
    files: [],
    ifNoFilesFound: 'error',
    overwrite: true,
    createLinks: true,
    releaseNotes: false,
    followSymlinks: false
  }
  if (operation !== 'upload') return upload

  const files = readInput(env, 'files')
  upload.files = files === undefined ? [] : splitLines(files)
  if (upload.files.length === 0) {
    throw new InputError(
      'Input `files` is required with `upload`: glob patterns, one per line, like `dist/*.zip`.',
      'files'
    )
  }
  const ifNone = readInput(env, 'if-no-files-found')
  if (ifNone !== undefined) {
    upload.ifNoFilesFound = parseChoice('if-no-files-found', ifNone, NO_FILES_FOUND)
  }
  const subfolder = readInput(env, 'subfolder')
  if (subfolder !== undefined) upload.subfolder = checkSubfolder(subfolder)
  upload.overwrite = readBoolean(env, 'overwrite', true)
  upload.createLinks = readBoolean(env, 'create-links', true)
  upload.releaseNotes = readBoolean(env, 'release-notes', false)
  upload.followSymlinks = readBoolean(env, 'follow-symlinks', false)
  const token = readInput(env, 'github-token')
  if (token !== undefined) upload.githubToken = token
  if (upload.releaseNotes && token === undefined) {
    throw new InputError(
      'Input `github-token` is required with `release-notes: true`, like ' +
        '`github-token: ${{ github.token }}` (with `contents: write` permission).',
      'github-token'
    )
  }
  return upload
}

function checkSubfolder(value: string): string {
  const example = 'like `v1.2.0`'
  if (/[/\\]/.test(value)) {
    throw inputError(
      'subfolder',
      `must be a single folder name, without \`/\` or \`\\\`, ${example}`,
      value
    )
  }
  if (value === '.' || value === '..') {
    throw inputError('subfolder', `must be a folder name, not \`.\` or \`..\`, ${example}`, value)
  }
  if (/\p{Cc}/u.test(value)) {
    throw inputError(
      'subfolder',
      `must not contain control characters or line breaks, ${example}`,
      value
    )
  }
  if (value.length > MAX_SUBFOLDER_LENGTH) {
    throw inputError(
      'subfolder',
      `must be at most ${MAX_SUBFOLDER_LENGTH} characters (it has ${value.length}), ${example}`,
      value
    )
  }
  return value
}
