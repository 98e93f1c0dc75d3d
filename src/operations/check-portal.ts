// check-portal: what this key can do on this portal, read-only. Every request here is a GET (the audit
// probe included), so the step can run before a release day or at the top of a scheduled sweep. A piece
// the key may not read (the plan, for a non-admin) is reported as such; only a refused key fails it.
import type { ActionRequest, Target } from '../request.js'
import { DocSpaceError } from '../docspace/errors.js'
import { getFile, getFolder } from '../docspace/entries.js'
import { describeTarget, listLinks } from '../docspace/links.js'
import {
  getBuildVersion,
  getFilesSettings,
  getQuota,
  getSelf,
  probeAuditFilter,
  type AuditProbe,
  type EntrySharingDto
} from '../docspace/portal.js'
import { sharedLinkOf } from '../links/share-link.js'
import { auditProblem, checkRequirements, type PortalFacts } from '../links/portal-requirements.js'
import { canManageLinks } from '../links/share-rights.js'
import { targetCapabilities, type TargetCapabilities } from '../links/target-capabilities.js'
import type { OperationContext } from '../context.js'
import type { OperationResult, SummaryTable } from '../result.js'

type Read<T> = { value: T } | { error: string }

// A refused key (401) is the one answer that makes the whole check pointless: it fails the step.
async function attempt<T>(work: () => Promise<T>): Promise<Read<T>> {
  try {
    return { value: await work() }
  } catch (error) {
    if (error instanceof DocSpaceError && error.kind === 'unauthorized') throw error
    if (error instanceof DocSpaceError && error.status !== undefined) {
      return { error: `HTTP ${error.status}` }
    }
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

const valueOf = <T>(read: Read<T>): T | undefined => ('value' in read ? read.value : undefined)

const AUDIT_TEXT: Record<AuditProbe, string> = {
  filtered: 'answers filtered queries: download limits can be enforced',
  fallback: 'ignores filters (no Audit option in the plan): download limits cannot be enforced',
  refused: 'refused to this key: download limits cannot be enforced',
  'not-in-plan': 'not in the plan (HTTP 402): download limits cannot be enforced',
  unavailable:
    'could not be read (see the warnings): whether download limits can be enforced is unknown'
}

async function checkTarget(context: OperationContext, target: Target): Promise<TargetCapabilities> {
  const { client } = context
  const entry = await attempt(
    async () =>
      (target.kind === 'file'
        ? await getFile(client, target.id)
        : await getFolder(client, target)) as EntrySharingDto & { title?: string; isForm?: boolean }
  )
  if ('error' in entry) {
    return {
      kind: target.kind,
      id: target.id,
      found: false,
      canShare: false,
      linkTypes: [],
      error: entry.error === 'HTTP 404' ? 'not found' : entry.error
    }
  }
  // Without the share right the list reads as empty, which says nothing: it is not counted then.
  let counts: { external: number; invitation: number } | null = null
  if (canManageLinks(target, entry.value) === true) {
    const links = valueOf(await attempt(() => listLinks(client, target)))
    if (links) {
      const invitation = links.filter((dto) => sharedLinkOf(dto)?.linkType === 0).length
      counts = { external: links.length - invitation, invitation }
    }
  }
  return targetCapabilities(target, entry.value, counts)
}

const yesNo = (value: boolean | undefined | null): string =>
  value === undefined || value === null ? 'unknown' : value ? 'yes' : 'no'

function linkTypesText(t: TargetCapabilities): string {
  return t.linkTypes
    .map((lt) => {
      const count = lt.links === null ? '?' : String(lt.links)
      const limit = lt.limit === null ? '' : ` of ${lt.limit}`
      const accesses = lt.accesses.length === 0 ? 'none' : lt.accesses.join(', ')
      return `${lt.linkType}: ${accesses} (${count}${limit} links)`
    })
    .join('; ')
}

export async function checkPortal(
  request: ActionRequest,
  context: OperationContext
): Promise<OperationResult> {
  const { client, log } = context
  // The user first: a key the portal refuses stops here, before anything else is asked.
  const self = (await getSelf(client)) ?? {}
  const version = await attempt(() => getBuildVersion(client))
  const quota = await attempt(() => getQuota(client))
  const settings = await attempt(() => getFilesSettings(client))
  const probe = await probeAuditFilter(client)

  const targets: TargetCapabilities[] = []
  for (const target of request.targets) targets.push(await checkTarget(context, target))

  const plan = valueOf(quota)?.audit
  const facts: PortalFacts = {
    isAdmin: self.isAdmin === true,
    audit: { probe, plan: typeof plan === 'boolean' ? plan : null },
    targets
  }
  // The plan flag confirms a probe that found nothing: an empty trail also answers an empty list.
  const auditState: AuditProbe = probe === 'filtered' && plan === false ? 'fallback' : probe
  const requirements = checkRequirements(request.require ?? [], facts)
  const files = valueOf(settings)
  const build = valueOf(version)

  const notes: string[] = []
  if (files?.externalShare === false) {
    notes.push(
      'External sharing is restricted on this portal: new links are internal (signed-in users only), ' +
        'and a Public room takes no new link.'
    )
  } else if (files?.defaultShareLinkInternal === true) {
    notes.push(
      'New links are internal by default on this portal: give `internal: false` for public links.'
    )
  }
  for (const r of requirements) notes.push(...r.unchecked)

  const report = {
    portal: request.connection.portalUrl,
    version: build
      ? { docSpace: build.docSpace ?? null, documentServer: build.documentServer ?? null }
      : null,
    user: {
      displayName: self.displayName ?? null,
      isAdmin: self.isAdmin === true,
      isOwner: self.isOwner === true,
      isVisitor: self.isVisitor === true
    },
    audit: {
      state: auditState,
      enforceable: auditProblem(facts) === undefined,
      plan: facts.audit.plan,
      ...('error' in quota ? { planError: quota.error } : {})
    },
    settings: files
      ? {
          chunkUploadSize: files.chunkUploadSize ?? null,
          defaultShareLinkInternal: files.defaultShareLinkInternal ?? null,
          externalShare: files.externalShare ?? null,
          externalShareApplyToDocuments: files.externalShareApplyToDocuments ?? null,
          externalShareApplyToRooms: files.externalShareApplyToRooms ?? null
        }
      : null,
    targets,
    require: requirements.map(({ operation, ok, missing }) => ({ operation, ok, missing }))
  }

  const role = self.isOwner ? 'portal owner' : self.isAdmin ? 'portal admin' : 'not a portal admin'
  const portalTable: SummaryTable = {
    caption: 'Portal and key',
    head: ['Check', 'Result'],
    rows: [
      [
        'DocSpace version',
        build?.docSpace ?? `unknown (${'error' in version ? version.error : 'not sent'})`
      ],
      ["Key's user", `${self.displayName ?? 'unknown'} (${role})`],
      ['Audit trail', AUDIT_TEXT[auditState]],
      [
        'Plan includes the audit trail',
        'error' in quota ? `unknown (${quota.error}: portal admins only)` : yesNo(facts.audit.plan)
      ],
      [
        'Chunk size for uploads',
        files?.chunkUploadSize ? `${files.chunkUploadSize} bytes` : 'unknown'
      ],
      ['Links internal by default', yesNo(files?.defaultShareLinkInternal)],
      [
        'External sharing restricted',
        files?.externalShare === undefined ? 'unknown' : yesNo(!files.externalShare)
      ]
    ]
  }
  const tables: SummaryTable[] = [portalTable]
  if (targets.length > 0) {
    tables.push({
      caption: 'Targets',
      head: [
        'Target',
        'Title',
        'Room type',
        'Key can share',
        'Link types: accesses (links of limit)'
      ],
      rows: targets.map((t) => [
        describeTarget(t),
        t.found ? (t.title ?? '') : `(${t.error ?? 'not found'})`,
        t.roomTypeName ?? (t.kind === 'file' ? (t.fileKind ?? '') : ''),
        t.found ? yesNo(t.canShare) : '',
        linkTypesText(t)
      ])
    })
  }
  if (requirements.length > 0) {
    tables.push({
      caption: 'Required operations',
      head: ['Operation', 'Possible', 'Missing'],
      rows: requirements.map((r) => [r.operation, r.ok ? 'yes' : 'no', r.missing.join(' ')])
    })
  }

  for (const row of portalTable.rows) log.info(`${row[0]}: ${row[1]}`)
  for (const t of targets)
    log.info(`${describeTarget(t)}: ${t.found ? linkTypesText(t) : (t.error ?? 'not found')}`)

  const failing = requirements.filter((r) => !r.ok)
  const required =
    requirements.length === 0
      ? ''
      : failing.length === 0
        ? `; all ${requirements.length} required operation(s) possible`
        : `; ${failing.length} of ${requirements.length} required operation(s) not possible`
  return {
    operation: request.operation,
    dryRun: request.dryRun,
    headline:
      `DocSpace ${build?.docSpace ?? '(version unknown)'}, key of ${self.displayName ?? 'an unknown user'} ` +
      `(${role}); audit trail ${auditState}; ${targets.length} target(s) checked${required}`,
    links: [],
    revoked: false,
    notes,
    report,
    tables,
    ...(failing.length > 0 ? { failures: failing.flatMap((r) => r.missing) } : {})
  }
}
