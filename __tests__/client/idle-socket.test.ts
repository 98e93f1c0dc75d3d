// A portal may answer before it has read a request's body and then reset the connection; the reset can
// reach the keep-alive socket after its request let go of it. Such an error must not end the run as an
// uncaught exception: Node guards an idle socket with a one-time listener only.
import { describe, expect, it } from '@jest/globals'
import { directAgentFor } from '../../src/docspace/direct-agent.js'
import { envelope, send, testClient } from './harness.js'
import { useServer } from '../helpers/fixtures.js'

const server = useServer((_req, res) => send(res, 200, envelope('ok')))

function idleSockets(url: string) {
  const agent = directAgentFor(new URL(url))
  return Object.values(agent.freeSockets).flatMap((sockets) => sockets ?? [])
}

describe('idle keep-alive sockets', () => {
  it('are reused between requests and survive repeated errors while idle', async () => {
    const { client } = testClient(server.url, { maxRetries: 0 })
    await client.request('GET', '/one')
    const [socket, ...more] = idleSockets(server.url)
    expect(more).toEqual([])
    expect(socket).toBeDefined()
    const reset = Object.assign(new Error('write ECONNRESET'), { code: 'ECONNRESET' })
    // Without a listener of its own, the second emit would throw (an uncaught exception in a run).
    expect(() => {
      socket.emit('error', reset)
      socket.emit('error', reset)
    }).not.toThrow()
    socket.destroy()
    // The next request takes a fresh connection and succeeds.
    await expect(client.request('GET', '/two')).resolves.toMatchObject({ status: 200 })
    expect(server.requests.map((r) => r.path)).toEqual(['/one', '/two'])
  })
})
