import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/server.js'
import { call } from './call.js'

describe('emulator response envelopes', () => {
  let emu: Emulator
  let fileId: number
  let folderId: number

  beforeAll(async () => {
    emu = await startEmulator({ timeZoneOffsetMinutes: 180, bodyLimitBytes: 4096 })
    folderId = emu.addFolder({ title: 'Builds' }).id
    fileId = emu.addFile({ parentId: folderId, title: 'build.zip', content: 'zip bytes' }).id
  })
  afterAll(() => emu.close())

  it('wraps a single object in the success envelope with count 1 and a self link', async () => {
    const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}?startIndex=0`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(res.body)).toEqual(['response', 'count', 'links', 'status', 'statusCode'])
    expect(res.body.count).toBe(1)
    expect(res.body.status).toBe(0)
    expect(res.body.statusCode).toBe(200)
    expect(res.body.links).toEqual([
      { href: `${emu.url}/api/2.0/files/file/${fileId}?startIndex=0`, action: 'GET' }
    ])
    expect(res.body.response).toMatchObject({
      id: fileId,
      title: 'build.zip',
      folderId,
      pureContentLength: 9,
      contentLength: '9 bytes',
      fileExst: '.zip',
      version: 1
    })
  })

  it('writes dates as ApiDateTime in the portal offset with seven fractional digits', async () => {
    const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}`)
    expect(res.body.response.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+03:00$/)
    const created = emu.state.file(fileId)?.createdAt as Date
    expect(new Date(res.body.response.created).getTime()).toBe(created.getTime())
  })

  it('omits null properties (a link without expiry or password has neither key)', async () => {
    emu.addLink({ kind: 'file', id: fileId }, { title: 'plain' })
    const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}/links`)
    const link = res.body.response[0].sharedLink
    expect(link.title).toBe('plain')
    expect('expirationDate' in link).toBe(false)
    expect('password' in link).toBe(false)
    expect('maxUseCount' in link).toBe(false)
  })

  it('answers a missing entry with the error envelope', async () => {
    const res = await call(emu, 'GET', '/api/2.0/files/file/999999')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      error: {
        message: 'The required file was not found',
        type: expect.any(String),
        stack: expect.any(String),
        hresult: expect.any(Number)
      },
      status: 1,
      statusCode: 404
    })
  })

  it('answers a validation failure with HTTP 400 and a problem inside the success envelope', async () => {
    const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}/links?count=101`)
    expect(res.status).toBe(400)
    expect(res.body.status).toBe(1)
    expect(res.body.statusCode).toBe(400)
    expect(res.body.count).toBe(1)
    expect(res.body.links[0].action).toBe('GET')
    expect(res.body.response).toMatchObject({
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { count: [expect.stringContaining('between 1 and 100')] }
    })
  })

  it('answers malformed and empty JSON bodies with 400 validation', async () => {
    const bad = await call(emu, 'PUT', `/api/2.0/files/file/${fileId}/links`, {
      body: '{"access":'
    })
    expect(bad.status).toBe(400)
    expect(bad.body.response.errors).toBeDefined()
    const empty = await call(emu, 'PUT', `/api/2.0/files/file/${fileId}/links`, { body: '' })
    expect(empty.status).toBe(400)
    expect(empty.body.status).toBe(1)
  })

  it('answers 401 with an empty body when credentials are missing or wrong', async () => {
    for (const auth of [null, 'Bearer sk-unknown', 'garbage']) {
      const res = await call(emu, 'GET', `/api/2.0/files/file/${fileId}`, { auth })
      expect(res.status).toBe(401)
      expect(res.text).toBe('')
    }
  })

  it('answers an unknown route with a 404 error envelope and a wrong method with 405', async () => {
    const unknown = await call(emu, 'GET', '/api/2.0/nothing/here')
    expect(unknown.status).toBe(404)
    expect(unknown.body.status).toBe(1)
    expect(unknown.body.statusCode).toBe(404)
    const wrongMethod = await call(emu, 'DELETE', `/api/2.0/files/file/${fileId}/links`)
    expect(wrongMethod.status).toBe(405)
  })

  it('refuses bodies above the limit with 413 and changes nothing', async () => {
    const before = emu.state.links('file', fileId).length
    const res = await call(emu, 'PUT', `/api/2.0/files/file/${fileId}/links`, {
      json: { access: 2, title: 'x'.repeat(5000) }
    })
    expect(res.status).toBe(413)
    expect(res.body.status).toBe(1)
    expect(emu.state.links('file', fileId)).toHaveLength(before)
  })
})
