// Whether this key on this portal can do each operation a workflow needs, and, when not, one line per
// missing right saying how to get it. Only what was read is judged: a requirement that depends on a
// target none was given for is "unchecked", not failed.
import type { AuditProbe } from '../docspace/portal.js'
import type { Operation } from '../request.js'
import type { TargetCapabilities } from './target-capabilities.js'

export interface AuditState {
  probe: AuditProbe
  /** The plan's `audit` flag from the quota, when the key may read it. */
  plan: boolean | null
}

export interface RequirementResult {
  operation: Operation
  ok: boolean
  /** One line per missing right, with the way to get it. */
  missing: string[]
  /** What could not be checked (no target given), for the summary. */
  unchecked: string[]
}

export interface PortalFacts {
  isAdmin: boolean
  audit: AuditState
  targets: TargetCapabilities[]
}

const LINK_OPERATIONS: readonly Operation[] = [
  'create-link',
  'list-links',
  'update-link',
  'revoke-link'
]

function targetName(t: TargetCapabilities): string {
  return `${t.kind} ${t.id}`
}

function shareProblems(operation: Operation, targets: TargetCapabilities[]): string[] {
  return targets.flatMap((t) => {
    if (!t.found) {
      return [
        `${operation}: ${targetName(t)} was not found or is hidden from the key's user: check the id, ` +
          'or share the entry with that user'
      ]
    }
    if (t.canShare) return []
    return [
      `${operation}: the key's user cannot share ${targetName(t)} (its links list reads as empty): ` +
        'use the key of its owner, or make the user a room manager of the room it is in'
    ]
  })
}

/** The audit trail as a download counter: why it cannot count, or nothing when it can. */
export function auditProblem(facts: PortalFacts): string | undefined {
  const { probe, plan } = facts.audit
  if (probe === 'filtered' && plan !== false) return undefined
  if (probe === 'unavailable') {
    return 'the audit trail could not be read just now (see the warnings): run the check again'
  }
  if (probe === 'refused') {
    return facts.isAdmin
      ? "the audit trail refused this portal admin's key: an API key needs the `*:read` or `*:write` " +
          'scope for it; create the key with all permissions'
      : "the audit trail is for portal admins only: use a portal admin's API key"
  }
  return (
    "the portal's plan has no Audit option, so the audit trail ignores filters and downloads cannot be " +
    'counted: add the Audit trail to the plan, or set `enforce-max-downloads: false`'
  )
}

export function checkRequirements(
  required: readonly Operation[],
  facts: PortalFacts
): RequirementResult[] {
  const entries = facts.targets
  const containers = entries.filter((t) => t.kind !== 'file')
  return required.map((operation) => {
    const missing: string[] = []
    const unchecked: string[] = []
    const needTargets = (list: TargetCapabilities[], what: string) => {
      if (list.length === 0)
        unchecked.push(`${operation}: give ${what} to check the share right on it`)
    }
    if (LINK_OPERATIONS.includes(operation)) {
      needTargets(entries, '`file-id`, `folder-id` or `room-id`')
      missing.push(...shareProblems(operation, entries))
    } else if (operation === 'enforce-limits' || operation === 'sweep') {
      const audit = auditProblem(facts)
      if (audit) missing.push(`${operation}: ${audit}`)
      needTargets(entries, '`file-id`, `folder-id` or `room-id`')
      missing.push(...shareProblems(operation, entries))
    } else if (operation === 'upload') {
      needTargets(containers, '`folder-id` or `room-id`')
      for (const t of containers) {
        if (t.found && t.canCreate === false) {
          missing.push(
            `upload: the key's user cannot create files in ${targetName(t)}: give them ` +
              'content-creator or room-manager access there, or upload into a folder they own'
          )
        }
      }
      missing.push(...shareProblems(operation, containers))
    }
    return { operation, ok: missing.length === 0, missing, unchecked }
  })
}
