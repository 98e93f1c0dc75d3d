// The validated request of one run: what getInputs() returns and every operation receives.
// A field that is undefined was not given; operations that patch a link keep the link's own value then.

export const OPERATIONS = [
  'create-link',
  'list-links',
  'update-link',
  'revoke-link',
  'enforce-limits',
  'sweep',
  'upload',
  'check-portal'
] as const
export type Operation = (typeof OPERATIONS)[number]

export type TargetKind = 'file' | 'folder' | 'room'

export interface Target {
  kind: TargetKind
  id: number
}

export type Auth = { kind: 'api-key'; apiKey: string } | { kind: 'auth-token'; authToken: string }

export interface Connection {
  /** Portal origin (plus any path prefix), no trailing slash: `https://portal.example.com`. */
  portalUrl: string
  auth: Auth
  requestTimeoutMs: number
  /** Retries after the first attempt: `max-retries: 3` means at most 4 attempts. */
  maxRetries: number
  /** HTTP requests the whole step may send (`max-requests`); undefined: no bound (tests). */
  maxRequests?: number
  /** Time the whole step may spend on requests (`step-timeout`); undefined: no bound (tests). */
  stepTimeoutMs?: number
}

/** DocSpace `linkType`: 1 external (share) link, 0 room invitation link. */
export type LinkType = 0 | 1

export interface LinkSettings {
  /** Display title, without the action's tag. */
  title?: string
  /** DocSpace FileShare number (2 read, 10 edit, 5 review, 6 comment, 7 fill forms, 9 room manager, 11 content creator). */
  access?: number
  /** A moment in the future, or null for "never expires". */
  expiration?: Date | null
  /** 0: `max-downloads: none`, remove the limit. */
  maxDownloads?: number
  /** '': `link-password: none`, remove the password. */
  password?: string
  denyDownload?: boolean
  internal?: boolean
  linkType?: LinkType
  maxUseCount?: number
}

export interface SweepPolicy {
  revokeExpired: boolean
  enforceMaxDownloads: boolean
  /** Revoke links this action created longer ago than this. */
  maxAgeMs?: number
  /** Glob on the display title (`*`, `?`). */
  titlePattern?: string
  includePrimary: boolean
  recursive: boolean
  concurrency: number
  /** The client-side ceiling on requests a minute (`sweep`). */
  requestsPerMinute: number
  failOnError: boolean
}

export type NoFilesFound = 'error' | 'warn' | 'ignore'

export interface UploadSettings {
  /** Glob patterns, one per line, relative to the workspace. */
  files: string[]
  ifNoFilesFound: NoFilesFound
  subfolder?: string
  overwrite: boolean
  createLinks: boolean
  releaseNotes: boolean
  githubToken?: string
  /** Upload files that symbolic links inside the workspace point to (never outside it). */
  followSymlinks: boolean
}

/** Where the run happens, from the runner's variables. */
export interface RunnerEnvironment {
  /** GITHUB_WORKSPACE (the working directory outside Actions): relative `files` patterns start here. */
  workspace: string
  /** The GITHUB_* variables that describe the event: its name, payload file, repository and API. */
  github: Record<string, string>
}

export interface ActionRequest {
  operation: Operation
  connection: Connection
  /** Exactly one for every operation but `sweep`, which takes lists. */
  targets: Target[]
  linkId?: string
  link: LinkSettings
  dryRun: boolean
  policy: SweepPolicy
  upload: UploadSettings
  /** `check-portal`: the operations the step fails without (the `require` input). */
  require?: Operation[]
  runner: RunnerEnvironment
}
