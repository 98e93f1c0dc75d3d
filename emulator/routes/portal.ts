// The portal's plan: GET /api/2.0/portal/quota (web/ASC.Web.Api/Api/PortalController.cs L524-540): portal
// admins only (DemandPermissions EditPortalSettings → 403 "Access denied"); `audit` says whether the
// plan has the audit trail, which the audit routes read from the same setting.
import type { Router } from '../router.js'
import { ApiError, ok } from '../http.js'
import { auditSettings } from '../audit-journal.js'

export function registerPortalRoutes(router: Router): void {
  router.route('GET', '/api/2.0/portal/quota', (ctx) => {
    if (!ctx.user?.isAdmin) {
      throw new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078)
    }
    return ok({
      tenantId: 1,
      name: 'emulator',
      visible: true,
      maxFileSize: 1024 * 1024 * 1024,
      maxTotalSize: 100 * 1024 * 1024 * 1024,
      countUser: ctx.state.directory.users().length,
      countRoom: -1,
      trial: false,
      free: false,
      audit: auditSettings(ctx.state).auditOption,
      docsEdition: ctx.state.settings.documentServerVersion !== null,
      ldap: false,
      sso: false,
      thirdParty: true
    })
  })
}
