// The route areas a new emulator starts with, in registration order.
import type { RouteArea } from '../router.js'
import { registerAuthenticationRoutes } from './authentication.js'
import { registerEntryRoutes } from './entries.js'
import { registerLinkRoutes } from './links.js'

export const defaultAreas: RouteArea[] = [
  registerAuthenticationRoutes,
  registerEntryRoutes,
  registerLinkRoutes
]
