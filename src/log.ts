import * as core from '@actions/core'
import { forAnnotation, forStdout } from './safe-text.js'

// Operations and the client log through this interface so that tests can capture what a run prints.
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  notice(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

// Messages quote titles and file names that anyone who can rename a link or add a file chose: `core.info`
// writes them raw, so each line is defused there; the annotation commands escape line breaks themselves
// but pass terminal escapes and `##[`, which are defused too.
export const actionsLogger: Logger = {
  debug: (m) => core.debug(forAnnotation(m)),
  info: (m) => core.info(forStdout(m)),
  warning: (m) => core.warning(forAnnotation(m)),
  notice: (m) => core.notice(forAnnotation(m)),
  startGroup: (n) => core.startGroup(forAnnotation(n)),
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
