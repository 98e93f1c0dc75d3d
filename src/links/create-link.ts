// create-link: making (or, by title, reusing) a link is a link-level step that upload takes for every
// file too, so it lives here rather than among the operations.
import type { ActionRequest, Target } from '../request.js'
import { DocSpaceError } from '../docspace/errors.js'
import { getEntry, type EntryInfo } from '../docspace/entry.js'
import { describeTarget, listLinks, putLink } from '../docspace/links.js'
import type { FileShareDto } from '../docspace/types.js'
import { describeAccess } from './access.js'
import { findLink } from './find-link.js'
import { linkRequestBody, linkStateOf, previewShareLink, type LinkState } from './link-state.js'
import { sharedLinkOf, toShareLink } from './share-link.js'
import {
  accessRule,
  checkAccess,
  checkInternal,
  checkRoomLinkType,
  listManagedLinks,
  requireShareRights,
  type AccessRule
} from './share-rights.js'
import { encodeTitle } from './title-tag.js'
import { notAppliedMessage, verifyLink } from './verify-link.js'
import type { OperationContext } from '../context.js'
import type { OperationResult } from '../result.js'
import { mergeLinkState, saveLinkState } from './change-link.js'

export const DEFAULT_LINK_TITLE = 'Shared link'
const READ = 2
const EXTERNAL = 1

/** The link a create-link asks for, with the create-time defaults for what was not given. */
export function requestedLinkState(request: ActionRequest, createdAt: Date): LinkState {
  const link = request.link
  return {
    access: link.access ?? READ,
    title: encodeTitle(link.title ?? DEFAULT_LINK_TITLE, {
      // 0 is `max-downloads: none`: no limit.
      maxDownloads: link.maxDownloads || undefined,
      createdAt
    }),
    expiration: link.expiration ?? null,
    // '' is `link-password: none`: no password.
    password: link.password || undefined,
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
  context: OperationContext,
  known?: EntryInfo
): Promise<OperationResult> {
  const target = request.targets[0]
  const now = context.now()
  // What the portal says about the target comes first: a write it would refuse or ignore is never sent.
  const entry = known ?? (await getEntry(context.client, target))
  await requireShareRights(context.client, target, entry)
  const wanted = requestedLinkState(request, now)
  const existing =
    request.link.title === undefined
      ? undefined
      : findLink(await reusableLinks(context, target, wanted, entry), { title: request.link.title })

  if (existing) return reuseLink(request, context, target, existing, entry)

  checkRoomLinkType(target, entry, wanted.linkType)
  const rule = accessRule(target, entry, wanted.linkType)
  checkAccess(wanted.access, rule)
  checkInternal(target, entry, request.link.internal)

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

  const created = await createOnce(context, target, wanted, rule)
  const { differences, madeInternal } = verifyLink(wanted, created, true)
  const link = toShareLink(created, now)
  if (differences.length > 0) {
    throw new Error(
      notAppliedMessage(
        `The new link "${link.title}" (${link.id}) on ${describeTarget(target)}`,
        differences,
        {
          accessWhy: `${describeAccess(wanted.access)} is not taken ${rule.where}`
        }
      )
    )
  }
  context.log.info(`Created link "${link.title}" (${link.id}) on ${describeTarget(target)}`)
  const notes: string[] = []
  if (madeInternal) {
    const note =
      `The portal made link "${link.title}" (${link.id}) on ${describeTarget(target)} internal, although ` +
      'it was asked to be public: only signed-in portal users can open it (the portal setting "share ' +
      'links internal by default", restricted external sharing, or the room type decides this)'
    context.log.warning(note)
    notes.push(note)
  }
  const reason = madeInternal ? 'made internal by the portal' : undefined
  return {
    operation: request.operation,
    dryRun: false,
    headline: `Created link "${link.title}" on ${describeTarget(target)}`,
    link,
    links: [{ ...link, action: 'created', ...(reason ? { reason } : {}) }],
    revoked: false,
    ...(notes.length > 0 ? { notes } : {})
  }
}

// Links that a titled create-link may take over: never the primary link, and only links of the same type.
async function reusableLinks(
  context: OperationContext,
  target: Target,
  wanted: LinkState,
  entry: EntryInfo
): Promise<FileShareDto[]> {
  const links = await listManagedLinks(context.client, target, { entry })
  return links.filter((dto) => {
    const state = linkStateOf(dto)
    return !state.primary && (target.kind !== 'room' || state.linkType === wanted.linkType)
  })
}

// A re-run keeps what the link has stored and was not given again (its `internal` flag and expiry too):
// a room that forbids changing them would otherwise drop the whole update.
async function reuseLink(
  request: ActionRequest,
  context: OperationContext,
  target: Target,
  existing: FileShareDto,
  entry: EntryInfo
): Promise<OperationResult> {
  const current = linkStateOf(existing)
  const next = mergeLinkState(request, target, current, context.now())
  checkAccess(next.access, accessRule(target, entry, current.linkType))
  checkInternal(target, entry, request.link.internal)
  return saveLinkState(request, context, target, existing, next, 'reused', entry)
}

/**
 * Creating a link is not idempotent: when the first attempt may have reached the server but its answer was
 * lost, look for the link by its full title (the tag carries the creation time) before trying again.
 */
async function createOnce(
  context: OperationContext,
  target: Target,
  wanted: LinkState,
  rule: AccessRule
): Promise<FileShareDto> {
  const body = linkRequestBody(target, wanted)
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await putLink(context.client, target, body, 'none')
      // The portal answers 200 without a link when it ignored the access (a file it cannot open).
      if (!created) {
        throw new Error(
          `The portal created no link on ${describeTarget(target)}: it answered 200 without one for ` +
            `access ${describeAccess(wanted.access)} ${rule.where}` +
            (rule.kind ? ` (a ${rule.kind} file)` : '')
        )
      }
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
