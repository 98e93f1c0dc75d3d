// Portal settings the action reads: the build versions and the file settings (the upload chunk size).
import type { Router } from '../router.js'
import { ok } from '../http.js'
import type { PortalSettings } from '../state.js'

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

export function registerSettingsRoutes(router: Router): void {
  // web/ASC.Web.Api/Api/Settings/SettingsController.cs GetBuildVersionsAsync: BuildVersion
  // {communityServer, docSpace, documentServer, mailServer, xmppServer}; absent parts are null (omitted).
  router.route('GET', '/api/2.0/settings/version/build', (ctx) =>
    ok({ docSpace: ctx.state.settings.version, documentServer: '9.0.4.50' })
  )

  // products/ASC.Files/Server/Api/SettingsController.cs GetFilesSettings: FilesSettingsDto, whose
  // chunkUploadSize is SetupInfo.ChunkUploadSize (web/ASC.Web.Core/SetupInfo.cs L104,
  // `files:uploader:chunk-size`). A subset of its fields.
  router.route('GET', '/api/2.0/files/settings', (ctx) =>
    ok({
      chunkUploadSize: ctx.state.settings.chunkUploadSize,
      extsWebPreviewed: ['.docx', '.xlsx', '.pptx', '.pdf'],
      extsWebEdited: ['.docx', '.xlsx', '.pptx'],
      extsWebReviewed: ['.docx'],
      storeOriginalFiles: true,
      defaultSharingAccessRights: [2]
    })
  )
}
