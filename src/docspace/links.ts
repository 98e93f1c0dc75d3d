import type { LinkType, Target } from '../request.js'
import { maskSecret } from '../secrets.js'
import type { DocSpaceApi } from './api.js'
import { DocSpaceError } from './errors.js'
import type { FileShareDto, LinkRequestBody } from './types.js'
import { sharedLinkOf } from './shared-link.js'
import { readPages } from './paging.js'
import { checkShareEntry, entryProblem, listAt } from './shapes.js'

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
  client: DocSpaceApi,
  target: Target,
  options: { linkType?: LinkType } = {}
): Promise<FileShareDto[]> {
  return onTarget(target, () => readLinks(client, target, options))
}

// Entries of one answer, each checked: one of the wrong shape is reported and left out (so it is never
// revoked on a guess), and a link listed twice is kept once.
function checkedLinks(client: DocSpaceApi, endpoint: string, data: unknown): FileShareDto[] {
  const links: FileShareDto[] = []
  listAt(data, endpoint, 'response').forEach((raw, i) => {
    const checked = checkShareEntry(raw, `response[${i}]`)
    if (checked.ok) links.push(checked.value)
    else client.findings.problem(entryProblem(endpoint, checked, 'that link was left alone'))
  })
  return maskPasswords(links)
}

function uniqueById(links: FileShareDto[]): FileShareDto[] {
  const seen = new Set<string>()
  return links.filter((dto) => {
    const id = sharedLinkOf(dto)!.id
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

async function readLinks(
  client: DocSpaceApi,
  target: Target,
  options: { linkType?: LinkType }
): Promise<FileShareDto[]> {
  const path = linksPath(target)
  const endpoint = `GET ${path}`
  if (target.kind !== 'file') {
    const query = target.kind === 'room' ? { type: options.linkType } : {}
    const { data } = await client.request<unknown>('GET', path, { query, retry: 'read' })
    return uniqueById(checkedLinks(client, endpoint, data))
  }
  const listed = await readPages<FileShareDto>({
    label: `the links of ${describeTarget(target)}`,
    pageSize: PAGE_SIZE,
    maxPages: MAX_PAGES,
    idOf: (dto) => sharedLinkOf(dto)!.id,
    fetch: async (startIndex, count) => {
      const { data, envelope } = await client.request<unknown>('GET', path, {
        query: { startIndex, count },
        retry: 'read'
      })
      const total = typeof envelope.total === 'number' ? envelope.total : undefined
      return { items: checkedLinks(client, endpoint, data), total }
    }
  })
  if (listed.note) client.findings.note(listed.note)
  return listed.items
}

/**
 * PUT .../links: creates (no linkId), replaces (linkId) or deletes (access 0) a link. The server replaces
 * the whole link, so callers send every field they want to keep. Returns undefined after a delete.
 */
export async function putLink(
  client: DocSpaceApi,
  target: Target,
  body: LinkRequestBody,
  retry: 'idempotent' | 'none'
): Promise<FileShareDto | undefined> {
  maskSecret(body.password)
  const { data } = await onTarget(target, () =>
    client.request<unknown>('PUT', linksPath(target), { json: body, retry })
  )
  if (data === undefined || data === null) return undefined
  const checked = checkShareEntry(data, 'response')
  if (!checked.ok) {
    throw new DocSpaceError(
      'bad-response',
      `PUT ${linksPath(target)}`,
      entryProblem(
        `PUT ${linksPath(target)}`,
        checked,
        'the change may have been made: check the links of the ' + describeTarget(target)
      )
    )
  }
  maskSecret(sharedLinkOf(checked.value)?.password)
  return checked.value
}
