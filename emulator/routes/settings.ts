// Portal settings any caller may read: the build versions and the files settings (the upload chunk size and
// the sharing settings). Both are [AllowAnonymous] on the server. Null values are omitted, as the server's
// JSON options do.
import type { Router } from '../router.js'
import { ok } from '../http.js'
import type { EmulatorState, PortalSettings } from '../state.js'

/** Checks settings given to the emulator; throws on a value a portal could not have. */
export function checkSettings(settings: Partial<PortalSettings>): Partial<PortalSettings> {
  if (settings.version !== undefined && !/^\d+(\.\d+){1,3}$/.test(settings.version)) {
    throw new Error(`The version must look like 3.7.2.1871, not "${settings.version}"`)
  }
  const chunk = settings.chunkUploadSize
  if (chunk !== undefined && !(Number.isSafeInteger(chunk) && chunk > 0)) {
    throw new Error(`The chunk size must be a whole number of bytes above 0, not ${chunk}`)
  }
  return settings
}

/** Sets the version the portal reports (and whose listing rules it follows), e.g. `3.2.1.0`. */
export function setDocSpaceVersion(state: EmulatorState, version: string): void {
  state.settings.version = checkSettings({ version }).version ?? version
}

/** Whether the portal's version is at least `major.minor`. */
export function versionAtLeast(state: EmulatorState, major: number, minor: number): boolean {
  const [a = 0, b = 0] = state.settings.version.split('.').map(Number)
  return a > major || (a === major && b >= minor)
}

export function registerSettingsRoutes(router: Router): void {
  // web/ASC.Web.Api/Api/Settings/VersionController.cs and BuildVersion.cs: {communityServer, docSpace,
  // documentServer, mailServer, xmppServer}; absent parts are null (omitted).
  router.route(
    'GET',
    '/api/2.0/settings/version/build',
    (ctx) =>
      ok({
        docSpace: ctx.state.settings.version,
        documentServer: ctx.state.settings.documentServerVersion ?? undefined
      }),
    { anonymous: true }
  )

  // products/ASC.Files/Server/Api/SettingsController.cs GetFilesSettings (L217): FilesSettingsDto
  // (FilesSettingsDto.cs L484-510), whose chunkUploadSize is SetupInfo.ChunkUploadSize
  // (web/ASC.Web.Core/SetupInfo.cs L104, `files:uploader:chunk-size`). A subset of its fields.
  router.route(
    'GET',
    '/api/2.0/files/settings',
    (ctx) => {
      const s = ctx.state.settings
      return ok({
        extsArchive: ['.zip', '.tar', '.gz', '.7z', '.rar'],
        extsWebPreviewed: ['.docx', '.xlsx', '.pptx', '.pdf'],
        extsWebEdited: ['.docx', '.xlsx', '.pptx'],
        extsWebReviewed: ['.docx'],
        storeOriginalFiles: true,
        externalShare: s.externalShare,
        externalShareSocialMedia: s.externalShare,
        maxUploadThreadCount: 15,
        chunkUploadSize: s.chunkUploadSize,
        defaultShareLinkInternal: s.internalLinksByDefault,
        externalShareApplyToDocuments: s.externalShareApplyToDocuments,
        externalShareApplyToRooms: s.externalShareApplyToRooms,
        blockExistingLinksOnRestrict: false,
        defaultSharingAccessRights: [2]
      })
    },
    { anonymous: true }
  )
}
