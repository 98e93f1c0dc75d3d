import type { Logger } from '../log.js'

type LogLine = [level: 'debug' | 'info' | 'warning' | 'notice', message: string]

// Targets are swept in parallel; each keeps its lines until it is done, so a log group holds one target.
export class TargetLog implements Logger {
  private readonly lines: LogLine[] = []
  debug(message: string): void {
    this.lines.push(['debug', message])
  }
  info(message: string): void {
    this.lines.push(['info', message])
  }
  warning(message: string): void {
    this.lines.push(['warning', message])
  }
  notice(message: string): void {
    this.lines.push(['notice', message])
  }
  startGroup(): void {}
  endGroup(): void {}

  flush(to: Logger, title: string): void {
    to.startGroup(title)
    try {
      // Runs of plain lines go out as one write: the runner's stdout is a pipe written synchronously.
      let run: string[] = []
      const flushRun = (): void => {
        if (run.length > 0) to.info(run.join('\n'))
        run = []
      }
      for (const [level, message] of this.lines) {
        if (level === 'info') {
          run.push(message)
          continue
        }
        flushRun()
        to[level](message)
      }
      flushRun()
    } finally {
      to.endGroup()
    }
  }
}
