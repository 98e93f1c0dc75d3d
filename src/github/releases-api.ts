import { getOctokit } from '@actions/github'
import fetch from 'node-fetch'
import { proxyRouteFor } from '../docspace/proxy.js'
import { backoffMs, networkProblem, requestedWaitMs, statusSafety } from '../docspace/http-retry.js'
import type { Repository } from './event.js'

// The releases API through the toolkit's client (`getOctokit`), with the DocSpace client's retry policy:
// 429, 502, 503, 504 and connection failures are repeated after a backoff or the wait the server asked
// for (Retry-After), never another 4xx. Loaded only on the release-notes path: octokit is a chunk of its
// own, reported beside the action's size budget (scripts/build.mjs). Requests go through the action's
// `fetch`, which reaches GitHub as it reaches the portal (HTTPS_PROXY / NO_PROXY) and follows no redirect;
// so the bundle leaves out @actions/http-client and undici (src/vendor/).

export interface ReleasesApiOptions {
  apiUrl: string
  /** Sent as a Bearer token; never logged or put in a message. */
  token: string
  timeoutMs: number
  /** Attempts per request. */
  attempts: number
}

export interface ReleaseDto {
  id?: number
  body?: string | null
  html_url?: string
}

interface RequestFailure {
  status?: number
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 8_000

/** One token sent as `Authorization: Bearer`, as GitHub documents for GITHUB_TOKEN and fine-grained tokens. */
function bearerAuth(
  token: string
): NonNullable<NonNullable<Parameters<typeof getOctokit>[1]>['authStrategy']> {
  return () =>
    Object.assign(async () => ({ type: 'token', token }), {
      hook: (
        request: { endpoint: { merge: (...args: unknown[]) => Record<string, unknown> } } & ((
          options: unknown
        ) => Promise<unknown>),
        route: unknown,
        parameters?: unknown
      ) => {
        const endpoint = request.endpoint.merge(route, parameters) as {
          headers: Record<string, string>
        }
        endpoint.headers.authorization = `Bearer ${token}`
        return request(endpoint)
      }
    })
}

function githubMessage(data: unknown): string {
  const message = (data as { message?: unknown } | null)?.message
  return typeof message === 'string' && message ? ` (${message.slice(0, 200)})` : ''
}

function hint(status: number): string {
  if (status === 401) return ': `github-token` was not accepted'
  if (status === 403 || status === 404) {
    return ': `github-token` needs `contents: write` on this repository (`permissions: contents: write`)'
  }
  return ''
}

/** node-fetch through the proxy that applies to the URL, if any; a redirect is an error, never followed. */
async function proxiedFetch(url: string, init: Parameters<typeof fetch>[1] = {}) {
  const route = await proxyRouteFor(new URL(url))
  return fetch(url, { ...init, agent: route?.agent, redirect: 'error' })
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function releasesApi(options: ReleasesApiOptions) {
  const host = new URL(options.apiUrl).host
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: 'docspace-share-links-action',
    authStrategy: bearerAuth(options.token),
    request: { fetch: proxiedFetch }
  })
  const attempts = Math.max(1, options.attempts)
  // Outermost hook: every request, with its own timeout, repeated as the DocSpace client would.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    // The path as sent (`/repos/octo/app/releases/7`), not the route template.
    const sent = new URL(octokit.request.endpoint.parse(requestOptions).url)
    const endpoint = `${requestOptions.method} ${sent.pathname}`
    for (let attempt = 1; ; attempt++) {
      try {
        return await request({
          ...requestOptions,
          request: { ...requestOptions.request, signal: AbortSignal.timeout(options.timeoutMs) }
        })
      } catch (error) {
        const failure = error as RequestFailure
        if (typeof failure.status === 'number' && failure.status > 0 && failure.response) {
          const status = failure.status
          if (statusSafety(status) === 'final' || attempt >= attempts) {
            throw new Error(
              `${endpoint} on the GitHub API answered HTTP ${status}${githubMessage(failure.response.data)}${hint(status)}`,
              { cause: error }
            )
          }
          const headers = failure.response.headers ?? {}
          const asked = requestedWaitMs(
            { get: (name) => (headers[name] === undefined ? null : String(headers[name])) },
            Date.now()
          )
          await sleep(asked ?? backoffMs(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, Math.random))
          continue
        }
        const cause = (error as { cause?: unknown }).cause ?? error
        const problem = networkProblem(cause, host)
        const timedOut = (cause as { name?: unknown } | null)?.name === 'TimeoutError'
        if ((problem.safety === 'final' && !timedOut) || attempt >= attempts) {
          const what = timedOut ? `no answer within ${options.timeoutMs / 1000} s` : problem.what
          throw new Error(`${endpoint} on the GitHub API failed: ${what}`, { cause: error })
        }
        await sleep(backoffMs(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, Math.random))
      }
    }
  })

  return {
    async getRelease(repository: Repository, releaseId: number): Promise<ReleaseDto> {
      const { data } = await octokit.rest.repos.getRelease({
        ...repository,
        release_id: releaseId
      })
      return data as ReleaseDto
    },
    async setReleaseBody(repository: Repository, releaseId: number, body: string): Promise<void> {
      await octokit.rest.repos.updateRelease({ ...repository, release_id: releaseId, body })
    }
  }
}
