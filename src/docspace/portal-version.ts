// The portal's DocSpace version, which decides what a listing can be trusted with. From 3.5 on, every
// listed entry carries `shared`, set exactly when the entry has the links that the links endpoint
// returns; before that, listings marked only My documents and rooms with a primary link, so a sweep
// that skipped unmarked entries would miss links.
import type { DocSpaceApi } from './api.js'
import { DocSpaceError } from './errors.js'

export const VERSION_PATH = '/api/2.0/settings/version/build'

interface BuildVersionDto {
  docSpace?: string
}

/** `3.7.2.0` → [3, 7, 2, 0]; undefined when it is not a version. */
export function parseVersion(text: string | undefined): number[] | undefined {
  if (typeof text !== 'string' || !/^\d+(\.\d+){0,3}$/.test(text.trim())) return undefined
  return text.trim().split('.').map(Number)
}

export function versionAtLeast(version: number[], minimum: number[]): boolean {
  for (let i = 0; i < minimum.length; i++) {
    const part = version[i] ?? 0
    if (part !== minimum[i]) return part > minimum[i]
  }
  return true
}

/** The first version whose listings mark every shared entry. */
export const SHARED_FLAG_VERSION = [3, 5]

/**
 * The portal's version (`docSpace` of `settings/version/build`), or undefined when the portal does not
 * say (an older server, a proxy that blocks the path). Errors other than "not there" are thrown.
 */
export async function docSpaceVersion(client: DocSpaceApi): Promise<string | undefined> {
  try {
    const { data } = await client.request<BuildVersionDto>('GET', VERSION_PATH, { retry: 'read' })
    return parseVersion(data?.docSpace) ? data?.docSpace?.trim() : undefined
  } catch (error) {
    if (
      error instanceof DocSpaceError &&
      (error.kind === 'not-found' || error.kind === 'forbidden' || error.kind === 'bad-response')
    ) {
      return undefined
    }
    throw error
  }
}
