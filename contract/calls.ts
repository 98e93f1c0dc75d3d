// The fixed list of calls the contract makes, in order, and what it keeps of each answer: the status,
// the envelope's shape, the fields the action reads, and the outcome of the rules the emulator models.
// Values that differ between any two portals (ids, URLs, tokens, dates) are kept as their kind only, so
// two portals that behave alike give equal observations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createUploadSession,
  uploadChunks,
  uploadSimple,
  type LocalFile
} from '../src/docspace/upload.js'
import type { Answer, Session } from './session.js'

export type Observation = Record<string, unknown>

/** What one call saw; `answer` is the raw payload, kept for a recording (sanitised there). */
export interface CallRecord {
  name: string
  observation: Observation
  answer?: unknown
}

/** Ids and values later calls need; set by the calls that create them. */
export interface Vars {
  scratchId?: number
  zipId?: number
  txtId?: number
  fileLinkId?: string
  folderLinkId?: string
  primaryLinkId?: string
  /** Whether the key's user may create rooms (a DocSpace or room admin). */
  roomAdmin?: boolean
  /** Rooms this run created, by room type. */
  rooms: Record<number, number>
  files: string
}

interface Call {
  name: string
  run(session: Session, vars: Vars): Promise<{ observation: Observation; answer?: unknown }>
}

const SCRATCH_TITLE = 'docspace-share-links contract'
const ROOM_CUSTOM = 5
const ROOM_COLLABORATION = 2
export const LINK_PASSWORD = 'contract-pass-7Q'
const CHUNK_SIZE = 64 * 1024
const CHUNKED_SIZE = 150 * 1024
const DAY = 24 * 3600_000

function kindOf(value: unknown): string {
  if (value === undefined) return 'absent'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

const OFFSET_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/

function dateKind(value: unknown): string {
  return typeof value === 'string' && OFFSET_DATE.test(value) ? 'date-with-offset' : kindOf(value)
}

function envelopeShape(answer: Answer): Observation {
  if (!answer.envelope) return { status: answer.status, error: answer.error ?? 'none' }
  const keys = ['response', 'count', 'total', 'status', 'statusCode'].filter(
    (k) => answer.envelope?.[k] !== undefined
  )
  return {
    status: answer.status,
    envelope: keys.join(','),
    envelopeStatus: answer.envelope.status,
    statusCode: answer.envelope.statusCode
  }
}

type Dict = Record<string, unknown>
const asDict = (v: unknown): Dict => (v && typeof v === 'object' ? (v as Dict) : {})

function linkShape(session: Session, dto: unknown): Observation {
  const d = asDict(dto)
  const l = asDict(d.sharedLink ?? d.sharedTo)
  return {
    access: d.access,
    subjectType: d.subjectType,
    title: l.title,
    linkType: l.linkType,
    primary: l.primary,
    internal: l.internal,
    denyDownload: l.denyDownload,
    isExpired: l.isExpired,
    expirationDate: dateKind(l.expirationDate),
    password: l.password === undefined ? 'absent' : 'present',
    shareLinkOnPortal:
      typeof l.shareLink === 'string' && l.shareLink.startsWith(session.portal.url),
    requestToken: kindOf(l.requestToken)
  }
}

function linkId(dto: unknown): string | undefined {
  const l = asDict(asDict(dto).sharedLink ?? asDict(dto).sharedTo)
  return typeof l.id === 'string' ? l.id : undefined
}

const skipped = (why: string) => ({ observation: { skipped: why } })

async function linksOf(session: Session, kind: 'file' | 'folder', id: number) {
  const answer = await session.call('GET', `/api/2.0/files/${kind}/${id}/links`)
  return Array.isArray(answer.data) ? answer.data : []
}

async function storedLink(session: Session, kind: 'file' | 'folder', id: number, link: string) {
  return (await linksOf(session, kind, id)).find((dto) => linkId(dto) === link)
}

function localFile(vars: Vars, name: string, bytes: Buffer): LocalFile {
  const path = join(vars.files, name)
  writeFileSync(path, bytes)
  return { path, name, size: bytes.length }
}

async function upload(session: Session, vars: Vars, name: string, bytes: Buffer) {
  if (vars.scratchId === undefined) return undefined
  const folder = session.own('folder', vars.scratchId)
  const file = await uploadSimple(session.client, folder, localFile(vars, name, bytes), {
    createNewIfExist: false
  })
  session.remember('file', file.id)
  return file
}

function fileShape(file: Dict, name: string, size: number): Observation {
  return {
    titleKept: file.title === name,
    version: file.version,
    size: file.pureContentLength ?? 'absent',
    sizeMatches: file.pureContentLength === undefined || file.pureContentLength === size,
    id: kindOf(file.id)
  }
}

function linkBody(extra: Dict): Dict {
  return { access: 2, title: 'contract read link', denyDownload: false, internal: false, ...extra }
}

/** `access: 0` on a link this run made, then the links left on the entry. */
function revokeCall(
  name: string,
  kind: 'file' | 'folder',
  pick: (vars: Vars) => [number | undefined, string | undefined]
): Call {
  return {
    name,
    async run(session, vars) {
      const [entry, link] = pick(vars)
      if (entry === undefined || !link) return skipped(`no ${kind} link`)
      const id = session.own(kind, entry)
      const a = await session.call('PUT', `/api/2.0/files/${kind}/${id}/links`, {
        json: { linkId: link, access: 0 }
      })
      return {
        observation: {
          ...envelopeShape(a),
          response: kindOf(a.data),
          linksAfter: (await linksOf(session, kind, id)).length
        },
        answer: a.data
      }
    }
  }
}

export const CALLS: readonly Call[] = [
  {
    name: 'GET people/@self',
    async run(session, vars) {
      const a = await session.call('GET', '/api/2.0/people/@self')
      const d = asDict(a.data)
      vars.roomAdmin = d.isAdmin === true || d.isRoomAdmin === true
      return {
        observation: {
          ...envelopeShape(a),
          displayName: kindOf(d.displayName),
          isAdmin: kindOf(d.isAdmin),
          isOwner: kindOf(d.isOwner)
        },
        answer: a.data
      }
    }
  },
  {
    name: 'GET settings/version/build',
    async run(session) {
      const a = await session.call('GET', '/api/2.0/settings/version/build')
      const d = asDict(a.data)
      return {
        observation: {
          ...envelopeShape(a),
          docSpace:
            typeof d.docSpace === 'string' && /^\d+\.\d+/.test(d.docSpace)
              ? 'version'
              : kindOf(d.docSpace)
        },
        answer: a.data
      }
    }
  },
  {
    name: 'GET files/settings',
    async run(session) {
      const a = await session.call('GET', '/api/2.0/files/settings')
      const d = asDict(a.data)
      return {
        observation: {
          ...envelopeShape(a),
          chunkUploadSize: kindOf(d.chunkUploadSize),
          externalShare: kindOf(d.externalShare),
          defaultShareLinkInternal: kindOf(d.defaultShareLinkInternal)
        },
        answer: a.data
      }
    }
  },
  {
    name: 'GET portal/quota',
    async run(session) {
      const a = await session.call('GET', '/api/2.0/portal/quota')
      return {
        observation: { ...envelopeShape(a), audit: kindOf(asDict(a.data).audit) },
        answer: a.data
      }
    }
  },
  {
    name: 'POST folder (the scratch folder)',
    async run(session, vars) {
      // The one write outside what this run created: a new folder inside the confirmed folder.
      const a = await session.call('POST', `/api/2.0/files/folder/${session.portal.folderId}`, {
        json: { title: SCRATCH_TITLE }
      })
      const d = asDict(a.data)
      if (a.status === 200) vars.scratchId = session.remember('folder', d.id)
      return {
        observation: {
          ...envelopeShape(a),
          titleKept: d.title === SCRATCH_TITLE,
          parentId: d.parentId === session.portal.folderId
        },
        answer: a.data
      }
    }
  },
  {
    name: 'POST upload (simple, a zip)',
    async run(session, vars) {
      const bytes = Buffer.from('PK\u0005\u0006' + '\u0000'.repeat(18), 'latin1')
      const file = await upload(session, vars, 'contract.zip', bytes)
      if (!file) return skipped('no scratch folder')
      vars.zipId = file.id
      return {
        observation: fileShape(file as unknown as Dict, 'contract.zip', bytes.length),
        answer: file
      }
    }
  },
  {
    name: 'POST upload (simple, a text document)',
    async run(session, vars) {
      const bytes = Buffer.from('contract text\n', 'utf8')
      const file = await upload(session, vars, 'contract.txt', bytes)
      if (!file) return skipped('no scratch folder')
      vars.txtId = file.id
      return {
        observation: fileShape(file as unknown as Dict, 'contract.txt', bytes.length),
        answer: file
      }
    }
  },
  {
    name: 'POST upload session and chunks',
    async run(session, vars) {
      if (vars.scratchId === undefined) return skipped('no scratch folder')
      const folder = session.own('folder', vars.scratchId)
      const bytes = Buffer.alloc(CHUNKED_SIZE, 7)
      const local = localFile(vars, 'contract-chunked.bin', bytes)
      const upload = await createUploadSession(session.client, folder, local, {
        createNewIfExist: false
      })
      const file = await uploadChunks(session.client, upload, local, { chunkSize: CHUNK_SIZE })
      session.remember('file', file.id)
      return {
        observation: {
          sessionPath: kindOf(upload.path),
          bytesTotal: upload.bytes_total ?? 'absent',
          ...fileShape(file as unknown as Dict, 'contract-chunked.bin', bytes.length)
        },
        answer: { session: upload, file }
      }
    }
  },
  {
    name: 'GET file links (new file)',
    async run(session, vars) {
      if (vars.zipId === undefined) return skipped('no zip')
      const a = await session.call('GET', `/api/2.0/files/file/${vars.zipId}/links`, {
        query: { startIndex: 0, count: 100 }
      })
      return {
        observation: {
          ...envelopeShape(a),
          links: Array.isArray(a.data) ? a.data.length : kindOf(a.data)
        },
        answer: a.data
      }
    }
  },
  {
    name: 'PUT file link (create: read, expiry, password)',
    async run(session, vars) {
      if (vars.zipId === undefined) return skipped('no zip')
      const id = session.own('file', vars.zipId)
      const a = await session.call('PUT', `/api/2.0/files/file/${id}/links`, {
        json: linkBody({
          expirationDate: new Date(Date.now() + 7 * DAY).toISOString(),
          password: LINK_PASSWORD
        })
      })
      vars.fileLinkId = linkId(a.data)
      return { observation: { ...envelopeShape(a), ...linkShape(session, a.data) }, answer: a.data }
    }
  },
  {
    name: 'PUT file link (edit access on a zip)',
    async run(session, vars) {
      if (vars.zipId === undefined || !vars.fileLinkId) return skipped('no zip link')
      const id = session.own('file', vars.zipId)
      const a = await session.call('PUT', `/api/2.0/files/file/${id}/links`, {
        json: linkBody({ linkId: vars.fileLinkId, access: 10, password: LINK_PASSWORD })
      })
      const stored = await storedLink(session, 'file', id, vars.fileLinkId)
      return {
        observation: {
          ...envelopeShape(a),
          answeredAccess: asDict(a.data).access ?? 'absent',
          storedAccess: asDict(stored).access ?? 'absent'
        },
        answer: a.data
      }
    }
  },
  {
    name: 'PUT file link (expiry in the past)',
    async run(session, vars) {
      if (vars.zipId === undefined || !vars.fileLinkId) return skipped('no zip link')
      const id = session.own('file', vars.zipId)
      const a = await session.call('PUT', `/api/2.0/files/file/${id}/links`, {
        json: linkBody({
          linkId: vars.fileLinkId,
          expirationDate: new Date(Date.now() - DAY).toISOString(),
          password: LINK_PASSWORD
        })
      })
      const stored = await storedLink(session, 'file', id, vars.fileLinkId)
      return {
        observation: {
          ...envelopeShape(a),
          answered: linkShape(session, a.data).expirationDate,
          stored: linkShape(session, stored).expirationDate
        },
        answer: a.data
      }
    }
  },
  {
    name: 'PUT file link (password too short)',
    async run(session, vars) {
      if (vars.zipId === undefined || !vars.fileLinkId) return skipped('no zip link')
      const id = session.own('file', vars.zipId)
      const a = await session.call('PUT', `/api/2.0/files/file/${id}/links`, {
        json: linkBody({ linkId: vars.fileLinkId, password: 'short' })
      })
      return { observation: envelopeShape(a), answer: a.data }
    }
  },
  revokeCall('PUT file link (revoke)', 'file', (v) => [v.zipId, v.fileLinkId]),
  {
    name: 'POST file primary link (get or create, twice)',
    async run(session, vars) {
      if (vars.txtId === undefined) return skipped('no text file')
      const id = session.own('file', vars.txtId)
      const first = await session.call('POST', `/api/2.0/files/file/${id}/link`, {
        json: { access: 2 }
      })
      const second = await session.call('POST', `/api/2.0/files/file/${id}/link`, {
        json: { access: 2 }
      })
      vars.primaryLinkId = linkId(first.data)
      return {
        observation: {
          ...envelopeShape(first),
          ...linkShape(session, first.data),
          secondIsSame:
            linkId(second.data) !== undefined && linkId(second.data) === linkId(first.data)
        },
        answer: first.data
      }
    }
  },
  {
    name: 'PUT folder link (create)',
    async run(session, vars) {
      if (vars.scratchId === undefined) return skipped('no scratch folder')
      const id = session.own('folder', vars.scratchId)
      const a = await session.call('PUT', `/api/2.0/files/folder/${id}/links`, {
        json: linkBody({ title: 'contract folder link' })
      })
      vars.folderLinkId = linkId(a.data)
      return { observation: { ...envelopeShape(a), ...linkShape(session, a.data) }, answer: a.data }
    }
  },
  revokeCall('PUT folder link (revoke by its creator)', 'folder', (v) => [
    v.scratchId,
    v.folderLinkId
  ]),
  {
    name: 'POST rooms (a Custom and a Collaboration room)',
    async run(session, vars) {
      if (!vars.roomAdmin) return skipped('the key cannot create rooms')
      const observation: Observation = {}
      for (const roomType of [ROOM_CUSTOM, ROOM_COLLABORATION]) {
        const a = await session.call('POST', '/api/2.0/files/rooms', {
          json: { title: `${SCRATCH_TITLE} ${roomType}`, roomType }
        })
        const d = asDict(a.data)
        if (a.status === 200) vars.rooms[roomType] = session.remember('room', d.id)
        observation[`type${roomType}`] = {
          ...envelopeShape(a),
          roomType: d.roomType,
          canShare: d.canShare,
          shareSettings: d.shareSettings ?? 'absent'
        }
      }
      return { observation }
    }
  },
  {
    name: 'PUT room link (external, in each room)',
    async run(session, vars) {
      if (!vars.roomAdmin) return skipped('the key cannot create rooms')
      const observation: Observation = {}
      for (const [roomType, room] of Object.entries(vars.rooms)) {
        const id = session.own('room', room)
        const a = await session.call('PUT', `/api/2.0/files/rooms/${id}/links`, {
          json: linkBody({ title: 'contract room link', linkType: 1 })
        })
        observation[`type${roomType}`] = { ...envelopeShape(a), ...linkShape(session, a.data) }
      }
      return { observation }
    }
  },
  {
    name: 'PUT room link (invitation, room manager)',
    async run(session, vars) {
      const room = vars.rooms[ROOM_CUSTOM]
      if (room === undefined) return skipped('no Custom room')
      const id = session.own('room', room)
      const a = await session.call('PUT', `/api/2.0/files/rooms/${id}/links`, {
        json: { access: 9, title: 'contract invitation', linkType: 0 }
      })
      return { observation: envelopeShape(a), answer: a.data }
    }
  },
  {
    name: 'GET audit filter (downloads of the zip)',
    async run(session, vars) {
      if (vars.zipId === undefined) return skipped('no zip')
      const target = String(vars.zipId)
      const a = await session.call('GET', '/api/2.0/security/audit/events/filter', {
        query: { entryType: 1, actionType: 12, target, count: 100 }
      })
      const events = Array.isArray(a.data) ? (a.data as Dict[]) : []
      const fits = events.every(
        (e) =>
          [5009, 5010, 5062].includes(Number(e.actionId)) &&
          Array.isArray(e.target) &&
          e.target.some((t) => String(t).includes(target))
      )
      return {
        observation: { ...envelopeShape(a), filterApplied: fits, events: events.length },
        // Audit events name people and addresses: only their count is recorded.
        answer: { events: events.length }
      }
    }
  }
]

/** Deletes the rooms this run created, right away (`deleteAfter: false`). */
export async function removeRooms(session: Session, vars: Vars): Promise<CallRecord> {
  const name = 'DELETE rooms'
  const observation: Observation = {}
  for (const [roomType, room] of Object.entries(vars.rooms)) {
    const id = session.own('room', room)
    const a = await session.call('DELETE', `/api/2.0/files/rooms/${id}`, {
      json: { deleteAfter: false }
    })
    observation[`type${roomType}`] = {
      ...envelopeShape(a),
      gone: await gone(session, `/api/2.0/files/rooms/${id}`)
    }
  }
  return { name, observation }
}

// The server deletes in a background operation: wait for the entry to go, a bounded number of times.
async function gone(session: Session, path: string): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const check = await session.call('GET', path)
    if (check.status === 404 || check.status === 403) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

/** Deletes the scratch folder (and so everything this run uploaded into it), then checks it is gone. */
export async function cleanUp(session: Session, vars: Vars): Promise<CallRecord> {
  const name = 'DELETE scratch folder'
  if (vars.scratchId === undefined) return { name, observation: { skipped: 'no scratch folder' } }
  const id = session.own('folder', vars.scratchId)
  const a = await session.call('DELETE', `/api/2.0/files/folder/${id}`, {
    json: { deleteAfter: false, immediately: true }
  })
  return {
    name,
    observation: { ...envelopeShape(a), gone: await gone(session, `/api/2.0/files/folder/${id}`) },
    answer: a.data
  }
}

export function scratchFiles(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'docspace-contract-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
