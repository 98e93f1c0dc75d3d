import type { Target } from '../request.js'
import type { DocSpaceClient } from './client.js'
import type { FileDto, FolderContentDto, FolderDto } from './types.js'

const PAGE_SIZE = 100
// Guards against a portal that ignores paging: 1000 pages of 100 is far beyond any folder worth sweeping.
const MAX_PAGES = 1000

export async function getFile(client: DocSpaceClient, id: number): Promise<FileDto> {
  const { data } = await client.request<FileDto>('GET', `/api/2.0/files/file/${id}`, {
    retry: 'read'
  })
  if (!data) throw new Error(`the portal returned no information for file ${id}`)
  return data
}

/** A folder or a room (rooms are folders to the files API). */
export async function getFolder(client: DocSpaceClient, target: Target): Promise<FolderDto> {
  const path =
    target.kind === 'room'
      ? `/api/2.0/files/rooms/${target.id}`
      : `/api/2.0/files/folder/${target.id}`
  const { data } = await client.request<FolderDto>('GET', path, { retry: 'read' })
  if (!data) throw new Error(`the portal returned no information for ${target.kind} ${target.id}`)
  return data
}

/** The files and subfolders of a folder or room, page by page. */
export async function* folderContents(
  client: DocSpaceClient,
  folderId: number
): AsyncGenerator<FolderContentDto> {
  let startIndex = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await client.request<FolderContentDto>('GET', `/api/2.0/files/${folderId}`, {
      query: { startIndex, count: PAGE_SIZE },
      retry: 'read'
    })
    if (!data) return
    yield data
    const received = (data.files?.length ?? 0) + (data.folders?.length ?? 0)
    startIndex += received
    if (received === 0 || (data.total !== undefined && startIndex >= data.total)) return
  }
}

/** Every file and subfolder directly inside a folder or room. */
export async function listFolder(
  client: DocSpaceClient,
  folderId: number
): Promise<{ files: FileDto[]; folders: FolderDto[] }> {
  const files: FileDto[] = []
  const folders: FolderDto[] = []
  for await (const page of folderContents(client, folderId)) {
    files.push(...(page.files ?? []))
    folders.push(...(page.folders ?? []))
  }
  return { files, folders }
}

export async function createFolder(
  client: DocSpaceClient,
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
