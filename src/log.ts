import * as core from '@actions/core'

// Operations and the client log through this interface so that tests can capture what a run prints.
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  notice(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

export const actionsLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  notice: (m) => core.notice(m),
  startGroup: (n) => core.startGroup(n),
  endGroup: () => core.endGroup()
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  notice: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined
}
