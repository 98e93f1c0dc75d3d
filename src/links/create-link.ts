import type { ActionRequest, Target } from '../request.js'
import { DocSpaceError } from '../docspace/errors.js'
import { describeTarget, listLinks, putLink } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { findLink } from './find-link.js'
import { linkRequestBody, linkStateOf, previewShareLink, type LinkState } from './link-state.js'
import { sharedLinkOf, toShareLink } from './share-link.js'
import { decodeTitle, encodeTitle } from './title-tag.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'
import { saveLinkState } from './change-link.js'

export const DEFAULT_LINK_TITLE = 'Shared link'
const READ = 2
const EXTERNAL = 1

/** The link a create-link asks for, with the create-time defaults for what was not given. */
export function requestedLinkState(request: ActionRequest, createdAt: Date): LinkState {
  const link = request.link
  return {
    access: link.access ?? READ,
    title: encodeTitle(link.title ?? DEFAULT_LINK_TITLE, {
      maxDownloads: link.maxDownloads,
      createdAt
    }),
    expiration: link.expiration ?? null,
    password: link.password,
    denyDownload: link.denyDownload ?? false,
    internal: link.internal ?? false,
    primary: false,
    linkType: link.linkType ?? EXTERNAL,
    maxUseCount: link.maxUseCount
  }
}

/**
 * Makes a new additional link, or, when `title` names a link the target already has, brings that link to
 * the requested settings, so that re-running a step does not pile up links.
 */
export async function createLink(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  const wanted = requestedLinkState(request, now)
  const existing =
    request.link.title === undefined
      ? undefined
      : findLink(await reusableLinks(context, target, wanted), { title: request.link.title })

  if (existing) return reuseLink(request, context, target, existing, wanted)

  if (request.dryRun) {
    const preview = previewShareLink(wanted)
    return {
      operation: request.operation,
      dryRun: true,
      headline: `Would create link "${preview.title}" on ${describeTarget(target)}`,
      link: preview,
      links: [{ ...preview, action: 'would-create' }],
      revoked: false
    }
  }

  const created = await createOnce(context, target, wanted)
  const link = toShareLink(created, now)
  context.log.info(`Created link "${link.title}" (${link.id}) on ${describeTarget(target)}`)
  return {
    operation: request.operation,
    dryRun: false,
    headline: `Created link "${link.title}" on ${describeTarget(target)}`,
    link,
    links: [{ ...link, action: 'created' }],
    revoked: false
  }
}

// Links that a titled create-link may take over: never the primary link, and only links of the same type.
async function reusableLinks(
  context: OperationContext,
  target: Target,
  wanted: LinkState
): Promise<FileShareDto[]> {
  const links = await listLinks(context.client, target)
  return links.filter((dto) => {
    const state = linkStateOf(dto)
    return !state.primary && (target.kind !== 'room' || state.linkType === wanted.linkType)
  })
}

async function reuseLink(
  request: ActionRequest,
  context: OperationContext,
  target: Target,
  existing: FileShareDto,
  wanted: LinkState
): Promise<OperationResult> {
  const now = context.now()
  const current = linkStateOf(existing)
  // The link keeps its creation time: download counts and max-age run from when it was first made.
  const createdAt = decodeTitle(current.title).tag?.createdAt ?? now
  const next: LinkState = {
    ...wanted,
    title: encodeTitle(request.link.title ?? DEFAULT_LINK_TITLE, {
      maxDownloads: request.link.maxDownloads,
      createdAt
    })
  }
  return saveLinkState(request, context, target, existing, next, 'reused')
}

/**
 * Creating a link is not idempotent: when the first attempt may have reached the server but its answer was
 * lost, look for the link by its full title (the tag carries the creation time) before trying again.
 */
async function createOnce(
  context: OperationContext,
  target: Target,
  wanted: LinkState
): Promise<FileShareDto> {
  const body = linkRequestBody(target, wanted)
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await putLink(context.client, target, body, 'none')
      if (!created)
        throw new Error(
          `the portal did not return the link it created on ${describeTarget(target)}`
        )
      return created
    } catch (error) {
      if (!(error instanceof DocSpaceError) || !error.ambiguous || attempt >= 2) throw error
      context.log.warning(
        `Creating the link may or may not have worked (${error.message}); checking before trying again`
      )
      const links = await listLinks(context.client, target)
      const found = links.find((dto) => sharedLinkOf(dto)?.title === wanted.title)
      if (found) return found
    }
  }
}
