// Sign-in with e-mail and password, and the caller's own profile.
import type { Router } from '../router.js'
import { ApiError, ok } from '../http.js'
import { BodyFields } from '../binding.js'
import { AUTH_COOKIE } from '../auth.js'

export function registerAuthenticationRoutes(router: Router): void {
  router.route(
    'POST',
    '/api/2.0/authentication',
    async (ctx) => {
      const fields = new BodyFields(await ctx.json())
      const userName = fields.string('userName') ?? ''
      const password = fields.string('password') ?? ''
      fields.done()
      const user = ctx.state.directory.byCredentials(userName, password)
      // The server answers 401 here with an error envelope, unlike the bare authorization challenge.
      if (!user) throw new ApiError(401, 'User authentication failed', null, 0)
      const session = ctx.state.directory.issueToken(user.id)
      return ok(
        { token: session.token, expires: session.expires.toISOString(), sms: false, tfa: false },
        {
          headers: {
            'Set-Cookie': `${AUTH_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax`
          }
        }
      )
    },
    { anonymous: true }
  )

  router.route('GET', '/api/2.0/authentication', (ctx) => ok(ctx.user !== undefined), {
    anonymous: true
  })

  router.route('GET', '/api/2.0/people/@self', (ctx) => {
    const user = ctx.state.directory.byId(ctx.user?.id ?? '')
    return ok(
      user && {
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        isAdmin: user.isAdmin,
        // EmployeeFullDto: the portal owner is the emulator's admin.
        isOwner: user.id === ctx.state.directory.admin.id,
        isVisitor: false
      }
    )
  })
}
