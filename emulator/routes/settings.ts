// Portal settings any caller may read: the build version (web/ASC.Web.Api/Api/Settings/VersionController.cs,
// [AllowAnonymous], BuildVersion.cs) and the files settings (products/ASC.Files/Server/Api/SettingsController.cs
// L217, [AllowAnonymous]; FilesSettingsDto.cs L484-510). Only the fields the action reads and their
// neighbours are served; null values are omitted as the server's JSON options do.
import type { Router } from '../router.js'
import { ok } from '../http.js'
import { portalSettings } from '../portal-settings.js'

export function registerSettingsRoutes(router: Router): void {
  router.route(
    'GET',
    '/api/2.0/settings/version/build',
    (ctx) => {
      const s = portalSettings(ctx.state)
      return ok({ docSpace: s.version, documentServer: s.documentServerVersion ?? undefined })
    },
    { anonymous: true }
  )

  router.route(
    'GET',
    '/api/2.0/files/settings',
    (ctx) => {
      const s = portalSettings(ctx.state)
      return ok({
        extsArchive: ['.zip', '.tar', '.gz', '.7z', '.rar'],
        externalShare: s.externalShare,
        externalShareSocialMedia: s.externalShare,
        maxUploadThreadCount: 15,
        chunkUploadSize: s.chunkUploadSize,
        defaultShareLinkInternal: s.defaultShareLinkInternal,
        externalShareApplyToDocuments: s.externalShareApplyToDocuments,
        externalShareApplyToRooms: s.externalShareApplyToRooms,
        blockExistingLinksOnRestrict: false
      })
    },
    { anonymous: true }
  )
}
