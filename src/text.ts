// Small helpers for the words the action writes: messages of thrown values and counted nouns.

/** The message of anything thrown, which need not be an Error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `1 link`, `3 links`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
