// One run of the contract against one portal: the client, the answers in a form that can be compared,
// and the guard that keeps every write on what this run created.
import { DocSpaceClient } from '../src/docspace/client.js'
import { DocSpaceError } from '../src/docspace/errors.js'
import type { Logger } from '../src/log.js'

export interface PortalUnderTest {
  /** Portal origin, normalized (no trailing slash). */
  url: string
  apiKey: string
  /** A folder the key's user owns: the scratch folder is created inside it, and nothing else there is touched. */
  folderId: number
}

/** What one request answered: the HTTP status, and the envelope's payload when there was one. */
export interface Answer {
  status: number
  /** The envelope's `response` (or the whole JSON body for the chunk handler). */
  data?: unknown
  envelope?: Record<string, unknown>
  /** The client's classification of a failed request. */
  error?: string
}

export type EntryKind = 'file' | 'folder' | 'room'

export class Session {
  readonly client: DocSpaceClient
  /** Entries this run created: the only ones it writes to or deletes. */
  private readonly created = new Map<number, EntryKind>()

  constructor(
    readonly portal: PortalUnderTest,
    log: Logger
  ) {
    this.client = new DocSpaceClient(
      {
        portalUrl: portal.url,
        auth: { kind: 'api-key', apiKey: portal.apiKey },
        requestTimeoutMs: 30_000,
        maxRetries: 2
      },
      log
    )
  }

  remember(kind: EntryKind, id: unknown): number {
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      throw new Error(`the portal did not return the id of the ${kind} it created`)
    }
    this.created.set(id, kind)
    return id
  }

  /** Throws unless this run created the entry: the contract never writes to anything else. */
  own(kind: EntryKind, id: number): number {
    if (this.created.get(id) !== kind) {
      throw new Error(`refusing to change ${kind} ${id}: this contract run did not create it`)
    }
    return id
  }

  /** Any request, never throwing for an HTTP error: the status is part of what is compared. */
  async call(
    method: string,
    path: string,
    options: { json?: unknown; query?: Record<string, string | number | boolean> } = {}
  ): Promise<Answer> {
    try {
      const { data, envelope, status } = await this.client.request<unknown>(method, path, {
        ...options,
        retry: method === 'GET' ? 'read' : 'none'
      })
      return { status, data, envelope: envelope as Record<string, unknown> }
    } catch (error) {
      if (error instanceof DocSpaceError && error.status !== undefined) {
        return { status: error.status, error: error.kind }
      }
      throw error
    }
  }
}
