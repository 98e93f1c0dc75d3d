// Text from the portal (titles, messages) and from the file system (file names) is written by whoever can
// rename a link or add a file, so it is neutralised before it reaches the runner:
// - stdout is parsed line by line for workflow commands: a line that starts with `::` (after blanks) is
//   one (`::add-mask::`, `::stop-commands::`, `::error::`), and so is one holding `##[` anywhere (the
//   runner's older syntax). Terminal escapes (ANSI) would rewrite what the log shows.
// - the job summary is Markdown: the action writes one HTML block, which a blank line would end, letting
//   what follows render as Markdown (links, images, headings, mentions).

// C0 and C1 controls (ESC starts ANSI sequences, U+009B is the one-byte CSI) and DEL, but not TAB or the
// line breaks, which are handled on their own; also the bidirectional overrides that reorder text.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]/g
// Every line break the runner or a Markdown renderer may honour.
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g
const REPLACEMENT = '\uFFFD'
// Breaks the command syntax without changing what a reader sees: a zero-width space between the colons.
const ZWSP = '\u200b'

/** Removes terminal escapes and other control characters; line breaks are kept. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, REPLACEMENT)
}

/** One line, no controls: for a name or title quoted inside a log line. */
export function oneLine(text: string): string {
  return withoutControls(text).replace(LINE_BREAKS, ' ')
}

/** Whether the runner would read this line of stdout as a workflow command. */
export function isCommandLine(line: string): boolean {
  return /^\s*::/.test(line) || line.includes('##[')
}

function defuseLine(line: string): string {
  return line.replace(/^(\s*):(?=:)/, `$1:${ZWSP}`).replace(/##\[/g, `#${ZWSP}#[`)
}

/**
 * A message for stdout (`core.info`): controls removed, and each line that the runner would take for a
 * command changed so that it is not one. Line breaks of the message itself are kept.
 */
export function forStdout(text: string): string {
  return withoutControls(text)
    .split(LINE_BREAKS)
    .map((line) => (isCommandLine(line) ? defuseLine(line) : line))
    .join('\n')
}

/**
 * A message for an annotation (`core.warning`, `core.error`) or a group title: the runner's command escapes
 * the line breaks, but not terminal escapes or `##[`, which its older parser looks for anywhere in a line.
 */
export function forAnnotation(text: string): string {
  return withoutControls(text).replace(/##\[/g, `#${ZWSP}#[`)
}

/**
 * HTML-escaped text for the job summary, on one line: line breaks become `<br>`, so that no blank line can
 * end the summary's HTML block. Controls are removed.
 */
export function htmlText(text: string): string {
  return withoutControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(LINE_BREAKS, '<br>')
}

/** Cuts text to at most `max` bytes of UTF-8 (never inside a character), ending with `suffix` when cut. */
export function capBytes(text: string, max: number, suffix = '…'): string {
  if (Buffer.byteLength(text) <= max) return text
  const room = Math.max(0, max - Buffer.byteLength(suffix))
  let cut = Buffer.from(text).subarray(0, room).toString('utf8')
  // A character cut in the middle decodes as U+FFFD: drop it.
  if (cut.endsWith(REPLACEMENT) && !text.startsWith(cut)) cut = cut.slice(0, -1)
  return cut + suffix
}
