// Portal settings the action reads: the build version. The server answers
// GET /api/2.0/settings/version/build with its component versions (web/ASC.Web.Api/Api/Settings/
// SettingsController.cs, BuildVersion); `docSpace` is the one that tells which listing rules apply.
import type { Router } from '../router.js'
import type { EmulatorState } from '../state.js'
import { ok } from '../http.js'

/** The server release whose behaviour the emulator follows (`v3.7.2-server`). */
export const DEFAULT_DOCSPACE_VERSION = '3.7.2.0'

interface PortalSettings {
  docSpaceVersion: string
}

const settings = new WeakMap<EmulatorState, PortalSettings>()

export function portalSettings(state: EmulatorState): PortalSettings {
  let current = settings.get(state)
  if (!current) {
    current = { docSpaceVersion: DEFAULT_DOCSPACE_VERSION }
    settings.set(state, current)
  }
  return current
}

/** Sets the version the portal reports (and whose listing rules it follows), e.g. `3.2.1.0`. */
export function setDocSpaceVersion(state: EmulatorState, version: string): void {
  if (!/^\d+(\.\d+){1,3}$/.test(version)) throw new Error(`Not a version: ${version}`)
  portalSettings(state).docSpaceVersion = version
}

/** Whether the portal's version is at least `major.minor`. */
export function versionAtLeast(state: EmulatorState, major: number, minor: number): boolean {
  const [a = 0, b = 0] = portalSettings(state).docSpaceVersion.split('.').map(Number)
  return a > major || (a === major && b >= minor)
}

export function registerSettingsRoutes(router: Router): void {
  router.route('GET', '/api/2.0/settings/version/build', (ctx) =>
    ok({
      communityServer: '12.7.0.1931',
      documentServer: '8.3.3.26',
      mailServer: null,
      docSpace: portalSettings(ctx.state).docSpaceVersion
    })
  )
}
