// What the emulator keeps about uploads: every stored version of a file (size and sha256; the bytes only
// for small files, so that a benchmark of hundreds of MiB does not fill the emulator's memory), the open
// chunked-upload sessions, and failures that tests ask the chunk handler to report.
import { createHash, randomUUID, type Hash } from 'node:crypto'
import type { EmulatorState, FileRecord, FolderLike } from './state.js'
import { sameTitle, storedTitle } from './portal-rules.js'

/** Files up to this size keep their bytes (for downloads); larger ones only their size and hash. */
export const KEEP_CONTENT_LIMIT = 8 * 1024 * 1024
/** The server's `files:uploader:chunk-size` default; a portal may set another (state.settings). */
export const MAX_CHUNK_SIZE = 10 * 1024 * 1024
/** The server's sliding expiry of an upload session. */
export const SESSION_LIFETIME_MS = 12 * 3600_000

/** MessageAction codes of uploads. */
export const UploadActions = { uploaded: 5011, uploadedWithOverwriting: 5099 } as const

export interface StoredVersion {
  version: number
  size: number
  sha256: string
  /** Only for files up to KEEP_CONTENT_LIMIT. */
  content?: Buffer
  at: Date
  userId: string
}

/** Bytes arriving in pieces: hashed as they come, kept only while the total stays small. */
export class ContentSink {
  private hash: Hash = createHash('sha256')
  private parts: Buffer[] | undefined
  size = 0

  constructor(expectedSize?: number) {
    this.parts = expectedSize === undefined || expectedSize <= KEEP_CONTENT_LIMIT ? [] : undefined
  }

  write(chunk: Buffer): void {
    this.hash.update(chunk)
    this.size += chunk.length
    if (this.parts && this.size > KEEP_CONTENT_LIMIT) this.parts = undefined
    this.parts?.push(chunk)
  }

  /** A point to roll back to when a chunk fails halfway. */
  mark(): { hash: Hash; size: number; parts: number | undefined } {
    return { hash: this.hash.copy(), size: this.size, parts: this.parts?.length }
  }

  rollback(mark: { hash: Hash; size: number; parts: number | undefined }): void {
    this.hash = mark.hash
    this.size = mark.size
    if (this.parts && mark.parts !== undefined) this.parts.length = mark.parts
  }

  finish(): { size: number; sha256: string; content?: Buffer } {
    return {
      size: this.size,
      sha256: this.hash.digest('hex'),
      content: this.parts ? Buffer.concat(this.parts) : undefined
    }
  }
}

export interface UploadSessionRecord {
  id: string
  folderId: number
  fileName: string
  bytesTotal: number
  createNewIfExist: boolean
  userId: string
  created: Date
  expires: Date
  chunks: number
  sink: ContentSink
}

export class UploadStore {
  private readonly versions = new Map<number, StoredVersion[]>()
  readonly sessions = new Map<string, UploadSessionRecord>()
  private readonly chunkFailures: string[] = []
  /** Every chunk the handler received, in order, for tests: session id, size and reply. */
  readonly chunkLog: { sessionId: string; size: number; status: number; success: boolean }[] = []

  constructor(private readonly state: EmulatorState) {}

  /** The next chunk POST answers HTTP 200 `{success: false, message}` and stores nothing. */
  failNextChunk(message: string): void {
    this.chunkFailures.push(message)
  }

  takeChunkFailure(): string | undefined {
    return this.chunkFailures.shift()
  }

  /** Versions of a file, oldest first; a seeded file has its one version. */
  history(file: FileRecord): StoredVersion[] {
    const stored = this.versions.get(file.id)
    if (stored) return stored
    const content = file.content
    return [
      {
        version: file.version,
        size: file.size,
        sha256: content ? createHash('sha256').update(content).digest('hex') : '',
        content,
        at: file.updatedAt,
        userId: file.createdBy
      }
    ]
  }

  openSession(input: {
    folderId: number
    fileName: string
    bytesTotal: number
    createNewIfExist: boolean
    userId: string
  }): UploadSessionRecord {
    const now = new Date()
    const session: UploadSessionRecord = {
      ...input,
      id: randomUUID(),
      created: now,
      expires: new Date(now.getTime() + SESSION_LIFETIME_MS),
      chunks: 0,
      sink: new ContentSink(input.bytesTotal)
    }
    this.sessions.set(session.id, session)
    return session
  }

  /**
   * Stores an uploaded file in `folder`: a new version of the file with the same title when
   * `createNewIfExist` is false, otherwise a new file under the next free "name (n).ext".
   */
  store(
    folder: FolderLike,
    title: string,
    data: { size: number; sha256: string; content?: Buffer },
    createNewIfExist: boolean,
    userId: string
  ): { file: FileRecord; overwritten: boolean } {
    const now = new Date()
    // products/ASC.Files/Core/Helpers/Global.cs ReplaceInvalidCharsAndTruncate: the name is stored
    // sanitised; EF/DbFile.cs L227-232: it is matched without regard to case or accents.
    title = storedTitle(title)
    const same = this.state.children(folder.id).files.find((f) => sameTitle(f.title, title))
    if (same && !createNewIfExist) {
      const history = this.history(same)
      // FileUploader.cs: the new version takes the uploaded name (`App.zip` over `app.zip` renames it).
      same.title = title
      same.version += 1
      same.size = data.size
      same.content = data.content
      same.updatedAt = now
      this.versions.set(same.id, [...history, { version: same.version, ...data, at: now, userId }])
      this.record(same, UploadActions.uploadedWithOverwriting, userId)
      return { file: same, overwritten: true }
    }
    const file = this.state.addFile({
      parentId: folder.id,
      title: same ? this.freeTitle(folder, title) : title,
      size: data.size
    })
    file.content = data.content
    file.createdBy = userId
    this.versions.set(file.id, [{ version: 1, ...data, at: now, userId }])
    this.record(file, UploadActions.uploaded, userId)
    return { file, overwritten: false }
  }

  private freeTitle(folder: FolderLike, title: string): string {
    const taken = this.state.children(folder.id).files.map((f) => f.title)
    const dot = title.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [title.slice(0, dot), title.slice(dot)] : [title, '']
    for (let n = 1; n <= 10_000; n++) {
      const candidate = `${stem} (${n})${ext}`
      if (!taken.some((t) => sameTitle(t, candidate))) return candidate
    }
    throw new Error(`No free name for "${title}"`)
  }

  private record(file: FileRecord, actionId: number, userId: string): void {
    this.state.record({
      actionId,
      target: [String(file.id)],
      entryType: 1,
      userId,
      description: [file.title]
    })
  }
}

const stores = new WeakMap<EmulatorState, UploadStore>()

/** The upload store of an emulator's state (made on first use). */
export function uploadStore(state: EmulatorState): UploadStore {
  let store = stores.get(state)
  if (!store) {
    store = new UploadStore(state)
    stores.set(state, store)
  }
  return store
}
