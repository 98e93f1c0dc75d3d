// The committed bundle, run as the GitHub runner runs it: inputs as INPUT_* variables, outputs read back
// from GITHUB_OUTPUT, the job summary from GITHUB_STEP_SUMMARY. `npm test` checks dist/ matches the source.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/run-action.mjs'
import { useEmulator } from '../helpers/fixtures.js'

const emulator = useEmulator()

function connection(): Record<string, string> {
  return { 'portal-url': emulator.url, 'api-key': emulator.adminKey }
}

function newFile() {
  const folder = emulator.addFolder({ title: `e2e-${Math.random()}` })
  return emulator.addFile({ parentId: folder.id, title: 'artifact.zip', content: 'x' })
}

describe('the bundle, run as the runner runs it', () => {
  it('creates, lists, updates and revokes a file link', async () => {
    const file = newFile()
    const created = await runAction({
      inputs: {
        ...connection(),
        operation: 'create-link',
        'file-id': file.id,
        title: 'Build <b>42</b>',
        expiration: '2w',
        'max-downloads': 5,
        'link-password': 'link-pass-9876'
      }
    })
    expect(created.code).toBe(0)
    const [stored] = emulator.state.links('file', file.id)
    expect(created.outputs.linkId).toBe(stored.id)
    expect(created.outputs.shareUrl).toMatch(/\/s\//)
    expect(created.outputs.expiresAt).toBe(
      stored.expirationDate!.toISOString().replace('.000Z', 'Z')
    )
    expect(stored.password).toBe('link-pass-9876')
    expect(created.summary).toContain('Build &lt;b&gt;42&lt;/b&gt;')
    expect(created.summary).not.toContain('<b>42')

    const listed = await runAction({
      inputs: { ...connection(), operation: 'list-links', 'file-id': file.id }
    })
    expect(listed.code).toBe(0)
    expect(listed.outputs.count).toBe('1')
    const [link] = JSON.parse(listed.outputs.links)
    expect(link).toMatchObject({
      id: stored.id,
      title: 'Build <b>42</b>',
      maxDownloads: 5,
      hasPassword: true
    })
    expect(link).not.toHaveProperty('password')

    const updated = await runAction({
      inputs: {
        ...connection(),
        operation: 'update-link',
        'file-id': file.id,
        'link-id': stored.id,
        'deny-download': 'true'
      }
    })
    expect(updated.code).toBe(0)
    expect(emulator.state.link(file.id, stored.id)).toMatchObject({
      denyDownload: true,
      password: 'link-pass-9876'
    })

    const revoked = await runAction({
      inputs: {
        ...connection(),
        operation: 'revoke-link',
        'file-id': file.id,
        title: 'Build <b>42</b>'
      }
    })
    expect(revoked.code).toBe(0)
    expect(revoked.outputs.revoked).toBe('true')
    expect(emulator.state.links('file', file.id)).toHaveLength(0)

    for (const run of [created, listed, updated, revoked]) {
      // Secrets reach the log only inside the runner's own mask command, which must carry them.
      const everything =
        (run.stdout + run.stderr).replace(/::add-mask::.*\n/g, '') +
        JSON.stringify(run.outputs) +
        run.summary
      expect(everything).not.toContain(emulator.adminKey)
      expect(everything).not.toContain('link-pass-9876')
    }
  })

  it('manages folder and room links', async () => {
    const folder = emulator.addFolder({ title: 'Docs' })
    const room = emulator.addRoom({ title: 'Clients' })
    const folderRun = await runAction({
      inputs: {
        ...connection(),
        operation: 'create-link',
        'folder-id': folder.id,
        title: 'Docs link'
      }
    })
    const roomRun = await runAction({
      inputs: {
        ...connection(),
        operation: 'create-link',
        'room-id': room.id,
        title: 'Clients link',
        access: 'comment'
      }
    })
    expect(folderRun.code).toBe(0)
    expect(roomRun.code).toBe(0)
    expect(emulator.state.links('folder', folder.id).map((l) => l.id)).toEqual([
      folderRun.outputs.linkId
    ])
    expect(emulator.state.links('room', room.id)).toMatchObject([
      { id: roomRun.outputs.linkId, linkType: 1, access: 6 }
    ])

    const revoked = await runAction({
      inputs: {
        ...connection(),
        operation: 'revoke-link',
        'room-id': room.id,
        'link-id': roomRun.outputs.linkId
      }
    })
    expect(revoked.code).toBe(0)
    expect(emulator.state.links('room', room.id)).toHaveLength(0)
  })

  it('applies the action.yml defaults itself when run by hand with only the required inputs', async () => {
    const file = newFile()
    const run = await runAction({
      inputs: { ...connection(), operation: 'create-link', 'file-id': file.id }
    })
    expect(run.code).toBe(0)
    const [stored] = emulator.state.links('file', file.id)
    expect(stored).toMatchObject({
      access: 2,
      expirationDate: null,
      denyDownload: false,
      internal: false
    })
  })

  it('stops on bad input before any request, naming the input and a good value', async () => {
    const seen = emulator.requests.length
    const run = await runAction({
      inputs: { ...connection(), operation: 'create-link', 'file-id': 1, 'max-downloads': 'lots' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input `max-downloads`.*like `3`/)
    expect(emulator.requests.length).toBe(seen)
  })

  it('says clearly when the key is rejected, without showing it', async () => {
    const run = await runAction({
      inputs: {
        'portal-url': emulator.url,
        'api-key': 'sk-wrong-key-123',
        operation: 'list-links',
        'file-id': 1
      }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*(401|rejected)/)
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('sk-wrong-key-123')
  })

  it('reads the portal and key from DOCSPACE_PORTAL_URL and DOCSPACE_API_KEY', async () => {
    const file = newFile()
    const run = await runAction({
      inputs: { operation: 'list-links', 'file-id': file.id },
      env: { DOCSPACE_PORTAL_URL: emulator.url, DOCSPACE_API_KEY: emulator.adminKey }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.count).toBe('0')
  })
})
