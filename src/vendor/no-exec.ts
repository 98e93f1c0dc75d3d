// Stands in for @actions/exec in the bundle (see tsconfig.json "paths"). @actions/core only reaches it
// through core.platform.getDetails(), which this action never calls; loading it (and @actions/io behind
// it) would cost every run start-up time for nothing. Anything that tries to use it fails loudly.
export function getExecOutput(): never {
  throw new Error('@actions/exec is not available in this action (it is not bundled)')
}

export function exec(): never {
  return getExecOutput()
}
