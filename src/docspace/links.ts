import type { LinkType, Target } from '../request.js'
import { maskSecret } from '../secrets.js'
import type { DocSpaceClient } from './client.js'
import { DocSpaceError } from './errors.js'
import type { FileShareDto, LinkRequestBody } from './types.js'
import { sharedLinkOf } from './shared-link.js'

const PAGE_SIZE = 100
// A file never has more than a handful of links; the bound only guards against a portal that ignores paging.
const MAX_PAGES = 50

const SEGMENT: Record<Target['kind'], string> = { file: 'file', folder: 'folder', room: 'rooms' }

export function linksPath(target: Target): string {
  return `/api/2.0/files/${SEGMENT[target.kind]}/${target.id}/links`
}

export function describeTarget(target: Target): string {
  return `${target.kind} ${target.id}`
}

// A 404 from a links endpoint means the entry itself is missing (or hidden from the key's user).
async function onTarget<T>(target: Target, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof DocSpaceError) || error.kind !== 'not-found') throw error
    const what = describeTarget(target)
    throw new DocSpaceError(
      'not-found',
      error.endpoint,
      `${what[0].toUpperCase()}${what.slice(1)} was not found on the portal: check \`${target.kind}-id\` ` +
        "(the key's user may also lack access to it)",
      { status: error.status, cause: error }
    )
  }
}

// Passwords come back in clear text to link managers: mask each one before anything can log it.
function maskPasswords(links: FileShareDto[]): FileShareDto[] {
  for (const dto of links) maskSecret(sharedLinkOf(dto)?.password)
  return links
}

/**
 * Every link of a target. File links are paged; folder and room links come in one fixed window (the
 * server ignores startIndex/count there), so they are read once.
 */
export async function listLinks(
  client: DocSpaceClient,
  target: Target,
  options: { linkType?: LinkType } = {}
): Promise<FileShareDto[]> {
  return onTarget(target, () => readLinks(client, target, options))
}

async function readLinks(
  client: DocSpaceClient,
  target: Target,
  options: { linkType?: LinkType }
): Promise<FileShareDto[]> {
  const path = linksPath(target)
  if (target.kind !== 'file') {
    const query = target.kind === 'room' ? { type: options.linkType } : {}
    const { data } = await client.request<FileShareDto[]>('GET', path, { query, retry: 'read' })
    return maskPasswords(data ?? [])
  }
  const all: FileShareDto[] = []
  const seen = new Set<string>()
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, envelope } = await client.request<FileShareDto[]>('GET', path, {
      query: { startIndex: all.length, count: PAGE_SIZE },
      retry: 'read'
    })
    const batch = maskPasswords(data ?? [])
    // A page that repeats links already read means the server ignored startIndex: stop, don't loop.
    const fresh = batch.filter((dto) => {
      const id = sharedLinkOf(dto)?.id ?? ''
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
    all.push(...fresh)
    const total = envelope.total
    if (fresh.length < PAGE_SIZE || (total !== undefined && all.length >= total)) break
  }
  return all
}

/**
 * PUT .../links: creates (no linkId), replaces (linkId) or deletes (access 0) a link. The server replaces
 * the whole link, so callers send every field they want to keep. Returns undefined after a delete.
 */
export async function putLink(
  client: DocSpaceClient,
  target: Target,
  body: LinkRequestBody,
  retry: 'idempotent' | 'none'
): Promise<FileShareDto | undefined> {
  maskSecret(body.password)
  const { data } = await onTarget(target, () =>
    client.request<FileShareDto>('PUT', linksPath(target), { json: body, retry })
  )
  maskSecret(data ? sharedLinkOf(data)?.password : undefined)
  return data
}
