import { readFile } from 'node:fs/promises'

// What the upload needs to know about the workflow run: the repository, the event, and on a `release`
// event the release itself. Read from the runner's environment and the event payload file, the same
// sources as @actions/github's `context`. That `context` is not used here: it is built when
// @actions/github loads, which brings octokit into every upload (the link title needs the release too),
// and it reads process.env itself, where the action reads the runner's variables once, in inputs/.
// @actions/github serves the release notes only (releases-api.ts, a chunk of its own).

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

/** Reads GITHUB_EVENT_PATH (when set) and the GITHUB_* variables. */
export async function loadGitHubRun(env: NodeJS.ProcessEnv = process.env): Promise<GitHubRun> {
  const path = text(env.GITHUB_EVENT_PATH)
  let payload: unknown = {}
  if (path) {
    let raw: string
    try {
      raw = await readFile(path, 'utf8')
    } catch (error) {
      // Outside Actions (a local run) the variable may point nowhere; the run just has no event then.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return gitHubRunOf(env, {})
      throw error
    }
    try {
      payload = JSON.parse(raw)
    } catch {
      throw new Error('The event payload (GITHUB_EVENT_PATH) is not valid JSON')
    }
  }
  return gitHubRunOf(env, payload)
}

/** The default link title on a release: `<repo> <tag>`. */
export function releaseLinkTitle(run: GitHubRun): string | undefined {
  if (!run.release) return undefined
  return run.repository ? `${run.repository.repo} ${run.release.tagName}` : run.release.tagName
}
