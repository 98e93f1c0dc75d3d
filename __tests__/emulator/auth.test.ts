import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/server.js'
import type { Caller } from '../../emulator/users.js'
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_EMAIL, USER_PASSWORD } from '../../emulator/users.js'
import { call } from './call.js'

describe('emulator authentication', () => {
  let emu: Emulator
  let fileId: number
  const callers: (Caller | undefined)[] = []

  beforeAll(async () => {
    emu = await startEmulator()
    fileId = emu.addFile({ parentId: emu.state.myDocumentsId, title: 'a.txt' }).id
    emu.use(async (ctx, next) => {
      callers.push(ctx.user)
      await next()
    })
  })
  afterAll(() => emu.close())

  const path = () => `/api/2.0/files/file/${fileId}`

  it('accepts API keys as Bearer and tells the admin from the regular user', async () => {
    callers.length = 0
    expect((await call(emu, 'GET', path(), { auth: `Bearer ${emu.adminKey}` })).status).toBe(200)
    expect((await call(emu, 'GET', path(), { auth: `Bearer ${emu.userKey}` })).status).toBe(200)
    expect(callers).toEqual([
      { id: emu.state.directory.admin.id, isAdmin: true },
      { id: emu.state.directory.user.id, isAdmin: false }
    ])
  })

  it('refuses a bare API key (it is read as a session token)', async () => {
    expect(emu.adminKey).toMatch(/^sk-/)
    const res = await call(emu, 'GET', path(), { auth: emu.adminKey })
    expect(res.status).toBe(401)
    expect(res.text).toBe('')
  })

  it('accepts the session token as cookie, bare header or Bearer header', async () => {
    const cookie = await call(emu, 'GET', path(), {
      auth: null,
      headers: { Cookie: `other=1; asc_auth_key=${emu.authToken}` }
    })
    expect(cookie.status).toBe(200)
    expect((await call(emu, 'GET', path(), { auth: emu.authToken })).status).toBe(200)
    expect((await call(emu, 'GET', path(), { auth: `Bearer ${emu.authToken}` })).status).toBe(200)
    expect(
      (await call(emu, 'GET', path(), { auth: null, headers: { Cookie: 'asc_auth_key=nope' } }))
        .status
    ).toBe(401)
  })

  it('signs in with e-mail and password and returns a working token', async () => {
    const res = await call(emu, 'POST', '/api/2.0/authentication', {
      auth: null,
      json: { userName: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD }
    })
    expect(res.status).toBe(200)
    const { token, expires } = res.body.response
    expect(typeof token).toBe('string')
    expect(new Date(expires).getTime()).toBeGreaterThan(Date.now())
    expect(res.headers.get('set-cookie')).toContain(`asc_auth_key=${token}`)
    expect(emu.state.directory.byToken(token)?.id).toBe(emu.state.directory.admin.id)

    callers.length = 0
    expect((await call(emu, 'GET', path(), { auth: token })).status).toBe(200)
    expect(callers[0]).toEqual({ id: emu.state.directory.admin.id, isAdmin: true })
  })

  it('signs the regular user in as a non-admin', async () => {
    const res = await call(emu, 'POST', '/api/2.0/authentication', {
      auth: null,
      json: { UserName: USER_EMAIL, Password: USER_PASSWORD }
    })
    expect(res.status).toBe(200)
    const me = await call(emu, 'GET', '/api/2.0/people/@self', { auth: res.body.response.token })
    expect(me.body.response).toMatchObject({ email: USER_EMAIL, isAdmin: false })
  })

  it('answers wrong credentials with a 401 error envelope', async () => {
    const res = await call(emu, 'POST', '/api/2.0/authentication', {
      auth: null,
      json: { userName: ADMIN_EMAIL, password: 'wrong-password' }
    })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({
      error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 },
      status: 1,
      statusCode: 401
    })
  })

  it('reports whether the caller is authenticated', async () => {
    const anonymous = await call(emu, 'GET', '/api/2.0/authentication', { auth: null })
    expect(anonymous.body.response).toBe(false)
    const signedIn = await call(emu, 'GET', '/api/2.0/authentication')
    expect(signedIn.body.response).toBe(true)
  })
})
