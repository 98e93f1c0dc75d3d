import type { FileShareDto, SharedLinkDto } from './types.js'

/** The link of a share entry: `sharedLink`, or its obsolete twin `sharedTo` that the server still sends. */
export function sharedLinkOf(dto: FileShareDto): SharedLinkDto | undefined {
  return dto.sharedLink ?? dto.sharedTo
}
