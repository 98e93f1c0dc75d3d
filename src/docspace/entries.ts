import type { Target } from '../request.js'
import type { DocSpaceApi } from './api.js'
import type { FileDto, FolderDto } from './types.js'
import { readPages } from './paging.js'
import { checkFile, checkFolder, entryProblem, isObject, listAt, shapeError } from './shapes.js'

const PAGE_SIZE = 100
// Guards against a listing that never ends: 1000 pages of 100 is far beyond any folder worth sweeping.
const MAX_PAGES = 1000

export async function getFile(client: DocSpaceApi, id: number): Promise<FileDto> {
  const { data } = await client.request<FileDto>('GET', `/api/2.0/files/file/${id}`, {
    retry: 'read'
  })
  if (!data) throw new Error(`the portal returned no information for file ${id}`)
  return data
}

/** A folder or a room (rooms are folders to the files API). */
export async function getFolder(client: DocSpaceApi, target: Target): Promise<FolderDto> {
  const path =
    target.kind === 'room'
      ? `/api/2.0/files/rooms/${target.id}`
      : `/api/2.0/files/folder/${target.id}`
  const { data } = await client.request<FolderDto>('GET', path, { retry: 'read' })
  if (!data) throw new Error(`the portal returned no information for ${target.kind} ${target.id}`)
  return data
}

type Entry = { kind: 'file'; dto: FileDto } | { kind: 'folder'; dto: FolderDto }

/**
 * Every file and subfolder directly inside a folder or room, each once (offset paging shifts while people
 * work). Entries of the wrong shape are reported and left out; a listing cut short is a warning naming the
 * folder, and `complete` is false when the page bound stopped it.
 */
export async function listFolder(
  client: DocSpaceApi,
  folderId: number
): Promise<{ files: FileDto[]; folders: FolderDto[]; complete: boolean }> {
  const path = `/api/2.0/files/${folderId}`
  const endpoint = `GET ${path}`
  const listed = await readPages<Entry>({
    label: `the contents of folder ${folderId}`,
    pageSize: PAGE_SIZE,
    maxPages: MAX_PAGES,
    idOf: (entry) => `${entry.kind}:${entry.dto.id}`,
    fetch: async (startIndex, count) => {
      const { data } = await client.request<unknown>('GET', path, {
        query: { startIndex, count },
        retry: 'read'
      })
      if (data === undefined || data === null) return { items: [] }
      if (!isObject(data)) throw shapeError(endpoint, 'response', 'an object', data)
      const items: Entry[] = []
      const take = (kind: Entry['kind'], field: 'files' | 'folders'): void => {
        listAt(data[field], endpoint, `response.${field}`).forEach((raw, i) => {
          const checked =
            kind === 'file'
              ? checkFile(raw, `response.${field}[${i}]`)
              : checkFolder(raw, `response.${field}[${i}]`)
          if (checked.ok) items.push({ kind, dto: checked.value } as Entry)
          else client.findings.problem(entryProblem(endpoint, checked, 'that entry was left out'))
        })
      }
      take('file', 'files')
      take('folder', 'folders')
      return { items, total: typeof data.total === 'number' ? data.total : undefined }
    }
  })
  if (listed.note) client.findings.note(listed.note)
  const files: FileDto[] = []
  const folders: FolderDto[] = []
  for (const entry of listed.items) {
    if (entry.kind === 'file') files.push(entry.dto)
    else folders.push(entry.dto)
  }
  return { files, folders, complete: listed.complete }
}

export async function createFolder(
  client: DocSpaceApi,
  parentId: number,
  title: string
): Promise<FolderDto> {
  const { data } = await client.request<FolderDto>('POST', `/api/2.0/files/folder/${parentId}`, {
    json: { title },
    retry: 'none'
  })
  if (!data) throw new Error(`the portal did not return the folder "${title}" it created`)
  return data
}
