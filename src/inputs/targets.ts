import type { Operation, Target, TargetKind } from '../request.js'
import { parseId, parseIdList } from './ids.js'
import { InputError, inputError } from './input-error.js'
import { readInput } from './read.js'

/** check-portal reads each target and its links: a bound on what one step may ask. */
export const MAX_CHECKED_TARGETS = 50

const TARGET_INPUTS: ReadonlyArray<readonly [TargetKind, string]> = [
  ['file', 'file-id'],
  ['folder', 'folder-id'],
  ['room', 'room-id']
]

/**
 * What the operation works on: exactly one file, folder or room; for `upload` a folder or room to put
 * the files into; for `sweep` any number of each, at least one in all; for `check-portal` any number,
 * none included.
 */
export function readTargets(env: NodeJS.ProcessEnv, operation: Operation): Target[] {
  const given = TARGET_INPUTS.map(([kind, name]) => ({
    kind,
    name,
    value: readInput(env, name)
  })).filter((t): t is { kind: TargetKind; name: string; value: string } => t.value !== undefined)

  if (operation === 'sweep' || operation === 'check-portal') {
    const targets = given.flatMap(({ kind, name, value }) =>
      parseIdList(name, value).map((id) => ({ kind, id }))
    )
    if (targets.length > MAX_CHECKED_TARGETS && operation === 'check-portal') {
      throw new InputError(
        `Inputs \`file-id\`, \`folder-id\` and \`room-id\` give ${targets.length} targets; ` +
          `\`check-portal\` checks at most ${MAX_CHECKED_TARGETS}, like \`folder-id: 101, 102\`.`
      )
    }
    if (targets.length === 0 && operation === 'sweep') {
      throw new InputError(
        'Input `file-id`, `folder-id` or `room-id` must give at least one id to sweep, like ' +
          '`folder-id: 101, 102`.'
      )
    }
    return targets
  }

  if (operation === 'upload') {
    const file = given.find((t) => t.kind === 'file')
    if (file !== undefined) {
      throw inputError(
        'file-id',
        '`upload` puts files into a folder or room: give `folder-id` or `room-id` instead, like `folder-id: 12345`',
        file.value
      )
    }
  }

  if (given.length === 0) {
    const names =
      operation === 'upload' ? '`folder-id` or `room-id`' : '`file-id`, `folder-id` or `room-id`'
    throw new InputError(
      `Input ${names} is required with \`${operation}\`: give the id of the target, like ` +
        `\`${operation === 'upload' ? 'folder' : 'file'}-id: 12345\`.`
    )
  }
  if (given.length > 1) {
    const names = given.map((t) => `\`${t.name}\``).join(' and ')
    throw new InputError(
      `Inputs ${names} were given together; \`${operation}\` works on one target, so give only one, ` +
        'like `file-id: 12345`.'
    )
  }
  const [{ kind, name, value }] = given as [(typeof given)[number]]
  return [{ kind, id: parseId(name, value, operation) }]
}
