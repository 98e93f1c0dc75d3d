import type { FileShareDto } from '../docspace/types.js'
import { sharedLinkOf } from './share-link.js'
import { displayTitle } from './title-tag.js'

export class LinkSelectionError extends Error {}

/**
 * The link named by `link-id`, or else the one whose title (without the action's tag) is `title`.
 * Returns undefined when none matches; throws when a title matches several links.
 */
export function findLink(
  links: FileShareDto[],
  by: { linkId?: string; title?: string }
): FileShareDto | undefined {
  if (by.linkId) {
    const id = by.linkId.toLowerCase()
    return links.find((dto) => sharedLinkOf(dto)?.id.toLowerCase() === id)
  }
  if (by.title === undefined) return undefined
  const matches = links.filter((dto) => displayTitle(sharedLinkOf(dto)?.title ?? '') === by.title)
  if (matches.length > 1) {
    const ids = matches.map((dto) => sharedLinkOf(dto)?.id).join(', ')
    throw new LinkSelectionError(
      `${matches.length} links are titled "${by.title}" (${ids}): give \`link-id\` to pick one`
    )
  }
  return matches[0]
}
