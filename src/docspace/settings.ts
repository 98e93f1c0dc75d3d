// Portal settings the action adapts to: the upload chunk size.
import type { DocSpaceApi } from './api.js'

/** The server's `files:uploader:chunk-size` default, used when the portal's setting cannot be read. */
export const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024

/**
 * `chunkUploadSize` of GET /api/2.0/files/settings: the largest chunk the portal takes (a larger one gets
 * `success: false`). Falls back to 10 MiB, and says why, when the setting cannot be read.
 */
export async function readChunkSize(client: DocSpaceApi): Promise<number> {
  try {
    const { data } = await client.request<{ chunkUploadSize?: unknown }>(
      'GET',
      '/api/2.0/files/settings',
      { retry: 'read' }
    )
    const size = data?.chunkUploadSize
    if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0) return size
    client.log.info('The portal did not give its upload chunk size; using 10 MiB chunks')
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    client.log.info(`Reading the upload chunk size failed (${why}); using 10 MiB chunks`)
  }
  return DEFAULT_CHUNK_SIZE
}
