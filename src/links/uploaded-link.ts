import type { ActionRequest } from '../request.js'
import type { LinkAction, OutputLink } from '../result.js'
import type { FileDto } from '../docspace/types.js'
import type { LocalFile } from '../docspace/upload.js'
import { blankShareLink, type ShareLink } from './share-link.js'

// What the upload says about each file it put on the portal: its `links` entry, with or without a link,
// and the request createLink gets for it.

/** One entry of the `links` output of `upload`. */
export type UploadedLink = OutputLink & {
  file: string
  fileId: number
  size: number
  /** The same as `id`, under the name the upload's documentation uses. */
  linkId: string
  /** The file's version on the portal: above 1 when the upload added a version. */
  version?: number
}

/** The request createLink gets for one uploaded file. */
export function fileLinkRequest(
  request: ActionRequest,
  fileId: number,
  title: string
): ActionRequest {
  return { ...request, targets: [{ kind: 'file', id: fileId }], link: { ...request.link, title } }
}

// The `links` entry of a file uploaded without a link.
export function bareEntry(file: LocalFile, uploaded: FileDto): UploadedLink {
  return {
    ...blankShareLink(file.name),
    linkId: '',
    file: file.name,
    fileId: uploaded.id,
    size: file.size,
    version: uploaded.version
  }
}

export function linkedEntry(
  file: LocalFile,
  fileId: number,
  link: ShareLink,
  action: LinkAction | undefined,
  version?: number
): UploadedLink {
  return { ...link, linkId: link.id, action, file: file.name, fileId, size: file.size, version }
}
