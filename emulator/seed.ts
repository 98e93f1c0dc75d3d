// JSON-able seed data: entries and links named by keys, resolved to the ids the portal gives them.
import { createHash } from 'node:crypto'
import type { EmulatorState, EntryKind, EntryRecord } from './state.js'
import { parseApiDate } from './dates.js'
import { RoomType } from './enums.js'

export interface SeedData {
  /** `parentKey` names another seeded folder or room; without it, My documents. */
  folders?: { key: string; title: string; parentKey?: string }[]
  rooms?: { key: string; title: string; roomType?: number }[]
  /** `content` is UTF-8 text, `contentBase64` binary; with neither, only `size` is known. */
  files?: {
    key: string
    title: string
    parentKey: string
    size?: number
    content?: string
    contentBase64?: string
  }[]
  links?: {
    entryKey: string
    title?: string
    access?: number
    /** ISO 8601; may lie in the past (seeding skips validation). */
    expirationDate?: string
    primary?: boolean
    linkType?: number
    password?: string
  }[]
}

/** Seed key → entry id. */
export type SeedIds = Record<string, number>

/** Adds the seed's entries and links to `state`; throws on unknown or duplicate keys. */
export function applySeed(state: EmulatorState, seed: SeedData): SeedIds {
  const ids: SeedIds = {}
  const claim = (key: string, entry: EntryRecord) => {
    if (key in ids) throw new Error(`Seed key "${key}" is used twice`)
    ids[key] = entry.id
  }
  const resolve = (key: string, what: string): number => {
    const id = ids[key]
    if (id === undefined) throw new Error(`Seed ${what} refers to unknown key "${key}"`)
    return id
  }

  for (const room of seed.rooms ?? []) claim(room.key, state.addRoom(room))

  // Folders may name parents listed after them.
  let pending = [...(seed.folders ?? [])]
  while (pending.length > 0) {
    const ready = pending.filter((f) => f.parentKey === undefined || f.parentKey in ids)
    if (ready.length === 0) resolve(pending[0].parentKey ?? '', `folder "${pending[0].key}"`)
    for (const f of ready) {
      const parentId = f.parentKey === undefined ? undefined : ids[f.parentKey]
      claim(f.key, state.addFolder({ title: f.title, parentId }))
    }
    pending = pending.filter((f) => !ready.includes(f))
  }

  for (const f of seed.files ?? []) {
    const content =
      f.contentBase64 !== undefined ? Buffer.from(f.contentBase64, 'base64') : f.content
    const parentId = resolve(f.parentKey, `file "${f.key}"`)
    claim(f.key, state.addFile({ parentId, title: f.title, content, size: f.size }))
  }

  for (const l of seed.links ?? []) {
    const id = resolve(l.entryKey, 'link')
    const entry = state.entry(id) as EntryRecord
    let expirationDate: Date | null = null
    if (l.expirationDate !== undefined) {
      const parsed = parseApiDate(l.expirationDate)
      if (!parsed) throw new Error(`Seed link of "${l.entryKey}" has a bad expirationDate`)
      expirationDate = parsed
    }
    state.addLink({ kind: entry.kind as EntryKind, id }, { ...l, expirationDate })
  }
  return ids
}

// An empty ZIP archive: just the end-of-central-directory record.
const EMPTY_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)])

/** What the command-line emulator starts with when no seed file is given. */
export const defaultSeed: SeedData = {
  folders: [{ key: 'releaseFolder', title: 'Release artifacts' }],
  rooms: [
    { key: 'partnersRoom', title: 'Partners', roomType: RoomType.CustomRoom },
    { key: 'downloadsRoom', title: 'Downloads', roomType: RoomType.PublicRoom }
  ],
  files: [
    {
      key: 'appZip',
      title: 'app-1.0.0.zip',
      parentKey: 'releaseFolder',
      contentBase64: EMPTY_ZIP.toString('base64')
    },
    {
      key: 'checksums',
      title: 'checksums.txt',
      parentKey: 'releaseFolder',
      content: `${createHash('sha256').update(EMPTY_ZIP).digest('hex')}  app-1.0.0.zip\n`
    },
    {
      key: 'partnerGuide',
      title: 'partner-guide.pdf',
      parentKey: 'partnersRoom',
      content: '%PDF-1.4\n% Partner guide\n%%EOF\n'
    }
  ]
}
