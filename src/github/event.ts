// What the upload needs to know about the workflow run: the repository, the event, and on a `release`
// event the release itself. The repository and the event's name come from the runner's variables, read once
// in inputs/. Only a `release` event's payload is read (the link title and the release notes need the
// release): through @actions/github's `context` (event-context.ts), which comes with octokit and is loaded
// in the chunk of the release notes, so that other runs start without it.

export interface Repository {
  owner: string
  repo: string
}

export interface ReleaseInfo {
  /** Numeric id, for GET/PATCH /repos/{owner}/{repo}/releases/{id}. */
  id: number
  tagName: string
  name?: string
  htmlUrl?: string
}

export interface GitHubRun {
  eventName?: string
  repository?: Repository
  /** Set on a `release` event whose payload names the release. */
  release?: ReleaseInfo
  /** REST API root without a trailing slash, `https://api.github.com` unless GITHUB_API_URL says otherwise. */
  apiUrl: string
}

interface EventPayload {
  release?: { id?: unknown; tag_name?: unknown; name?: unknown; html_url?: unknown }
  repository?: { name?: unknown; owner?: { login?: unknown } }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function repositoryOf(env: NodeJS.ProcessEnv, payload: EventPayload): Repository | undefined {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (owner && repo && rest.length === 0) return { owner, repo }
  const name = text(payload.repository?.name)
  const login = text(payload.repository?.owner?.login)
  return name && login ? { owner: login, repo: name } : undefined
}

function releaseOf(eventName: string | undefined, payload: EventPayload): ReleaseInfo | undefined {
  if (eventName !== 'release') return undefined
  const release = payload.release
  const tagName = text(release?.tag_name)
  if (typeof release?.id !== 'number' || !Number.isSafeInteger(release.id) || !tagName)
    return undefined
  return { id: release.id, tagName, name: text(release.name), htmlUrl: text(release.html_url) }
}

/** The run as described by an already parsed payload. */
export function gitHubRunOf(env: NodeJS.ProcessEnv, payload: unknown): GitHubRun {
  const event = (typeof payload === 'object' && payload !== null ? payload : {}) as EventPayload
  const eventName = text(env.GITHUB_EVENT_NAME)
  return {
    eventName,
    repository: repositoryOf(env, event),
    release: releaseOf(eventName, event),
    apiUrl: (text(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, '')
  }
}

/**
 * The run as the runner describes it. On a `release` event, the payload named by GITHUB_EVENT_PATH is read
 * through the toolkit's `context`; other events need nothing from it.
 */
export async function loadGitHubRun(env: NodeJS.ProcessEnv = process.env): Promise<GitHubRun> {
  if (text(env.GITHUB_EVENT_NAME) !== 'release') return gitHubRunOf(env, {})
  let payload: unknown
  try {
    const { eventPayload } = await import(/* webpackChunkName: "github" */ './event-context.js')
    payload = eventPayload()
  } catch (error) {
    // The toolkit parses the payload file as it builds the context.
    if (error instanceof SyntaxError) {
      throw new Error('The event payload (GITHUB_EVENT_PATH) is not valid JSON', { cause: error })
    }
    throw error
  }
  return gitHubRunOf(env, payload)
}

/** The default link title on a release: `<repo> <tag>`. */
export function releaseLinkTitle(run: GitHubRun): string | undefined {
  if (!run.release) return undefined
  return run.repository ? `${run.repository.repo} ${run.release.tagName}` : run.release.tagName
}
