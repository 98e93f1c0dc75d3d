// `npm run demo`: the bundled action against the bundled DocSpace emulator, with nothing installed.
// Starts the emulator on a loopback port, then runs dist/index.js as the GitHub runner would for a
// create → list → update → revoke flow on a file and an external link on a room, printing each step's outputs.
import { startEmulator } from '../emulator/dist/index.js'
import { runAction } from './run-action.mjs'

const emulator = await startEmulator()
const folder = emulator.addFolder({ title: 'Release artifacts' })
const file = emulator.addFile({
  parentId: folder.id,
  title: 'app-1.0.0.zip',
  content: 'demo bytes'
})
const room = emulator.addRoom({ title: 'Partners' })
const connection = { 'portal-url': emulator.url, 'api-key': emulator.adminKey }

let failed = false

async function step(description, inputs) {
  console.log(`\n▶ ${description}`)
  const run = await runAction({ inputs: { ...connection, ...inputs } })
  if (run.code !== 0) {
    failed = true
    console.log(`  ✗ the step failed (exit code ${run.code}):`)
    console.log(run.stdout.replace(/^/gm, '    '))
    return run.outputs
  }
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name === 'links') continue
    console.log(`  ${name.padEnd(13)} ${value}`)
  }
  for (const link of JSON.parse(run.outputs.links ?? '[]')) {
    const limit =
      link.maxDownloads === null ? 'no download limit' : `max ${link.maxDownloads} downloads`
    const expiry = link.expiresAt ? `expires ${link.expiresAt}` : 'never expires'
    console.log(
      `  · "${link.title}" ${link.access}, ${expiry}, ${limit}${link.primary ? ', primary' : ''}`
    )
  }
  return run.outputs
}

try {
  console.log(`DocSpace emulator listening on ${emulator.url}`)
  const created = await step(`create-link on file ${file.id}: 7 days, at most 3 downloads`, {
    operation: 'create-link',
    'file-id': file.id,
    title: 'Release 1.0.0',
    expiration: '7d',
    'max-downloads': 3
  })
  await step('create-link again with the same title: the link is reused, not duplicated', {
    operation: 'create-link',
    'file-id': file.id,
    title: 'Release 1.0.0',
    expiration: '7d',
    'max-downloads': 3
  })
  await step('list-links on the file', { operation: 'list-links', 'file-id': file.id })
  await step('update-link: 14 days, only the expiration changes', {
    operation: 'update-link',
    'file-id': file.id,
    'link-id': created.linkId,
    expiration: '14d'
  })
  await step('revoke-link', {
    operation: 'revoke-link',
    'file-id': file.id,
    'link-id': created.linkId
  })
  await step('list-links after the revoke', { operation: 'list-links', 'file-id': file.id })
  await step(`create-link on room ${room.id}: an external link, review access`, {
    operation: 'create-link',
    'room-id': room.id,
    title: 'Partner preview',
    access: 'review',
    expiration: '2w'
  })
  await step('list-links on the room', { operation: 'list-links', 'room-id': room.id })
} finally {
  await emulator.close()
}

if (failed) {
  console.log('\nThe demo failed.')
  process.exit(1)
}
console.log('\nDone: every step ran through dist/index.js exactly as the GitHub runner runs it.')
