import type { OperationContext } from '../context.js'
import type { LocalFile } from '../docspace/upload.js'

// How an upload reports its progress in the log: sizes in MiB, a line for each tenth of a large file.

export const MiB = 1024 * 1024
/** Files above this size log their progress. */
const PROGRESS_THRESHOLD = 50 * MiB
const PROGRESS_STEP = 10

export function mib(bytes: number): string {
  return (bytes / MiB).toFixed(1)
}

/** Logs each 10 % milestone of a large file; small files upload too fast for progress to mean much. */
export function progressLogger(
  context: OperationContext,
  file: LocalFile
): ((sent: number, total: number) => void) | undefined {
  if (file.size <= PROGRESS_THRESHOLD) return undefined
  let next = PROGRESS_STEP
  return (sent, total) => {
    const percent = Math.floor((sent * 100) / total)
    if (percent < next) return
    // A read may cross a milestone by a little: the line names the milestone and the real byte count.
    const milestone = Math.floor(percent / PROGRESS_STEP) * PROGRESS_STEP
    context.log.info(`${file.name}: ${milestone}% (${mib(sent)} of ${mib(total)} MiB)`)
    next = milestone + PROGRESS_STEP
  }
}
