// The route areas a new emulator starts with, in registration order.
import type { RouteArea } from '../router.js'
import { registerAuditRoutes } from './audit.js'
import { registerAuthenticationRoutes } from './authentication.js'
import { registerDownloadRoutes } from './downloads.js'
import { registerEntryRoutes } from './entries.js'
import { registerLinkRoutes } from './links.js'
import { registerSettingsRoutes } from './settings.js'
import { registerUploadRoutes } from './uploads.js'

export const defaultAreas: RouteArea[] = [
  registerAuthenticationRoutes,
  registerEntryRoutes,
  registerLinkRoutes,
  registerUploadRoutes,
  registerAuditRoutes,
  registerDownloadRoutes,
  registerSettingsRoutes
]
