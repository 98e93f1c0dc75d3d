// Shared test fixtures: one call in a test file (or a describe block) starts the server before its tests
// and stops it after them, instead of the same beforeAll/afterAll pair copied into every file.
import { afterAll, beforeAll } from '@jest/globals'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { startServer, type Handler, type TestServer } from '../client/harness.js'

/**
 * Stands for the object `start` makes in beforeAll and `stop` ends in afterAll: the tests use it as if
 * it were that object, which exists only while they run.
 */
export function started<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>
): T {
  let value: T | undefined
  beforeAll(async () => {
    value = await start()
  })
  afterAll(async () => {
    if (value) await stop(value)
    value = undefined
  })
  const current = (): T => {
    if (!value) throw new Error(`the ${what} runs only inside the tests of the block that uses it`)
    return value
  }
  return new Proxy({} as T, {
    get(_, key) {
      const target = current()
      const member: unknown = Reflect.get(target, key, target)
      return typeof member === 'function' ? (member as () => unknown).bind(target) : member
    },
    set(_, key, member) {
      return Reflect.set(current(), key, member)
    },
    has: (_, key) => Reflect.has(current(), key)
  })
}

/** A DocSpace emulator on a loopback port for the tests of the enclosing block. */
export function useEmulator(options: EmulatorOptions = {}): Emulator {
  return started(
    'emulator',
    () => startEmulator(options),
    (emulator) => emulator.close()
  )
}

/** A plain HTTP server on a loopback port, answering with `handler`, for the enclosing block. */
export function useServer(handler: Handler): TestServer {
  return started(
    'server',
    () => startServer(handler),
    (server) => server.close()
  )
}
