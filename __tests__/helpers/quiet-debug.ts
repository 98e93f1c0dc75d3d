// Set up before every test file: @actions/glob reports its options and search paths through
// core.debug, which prints `::debug::` lines straight to stdout (the runner hides them unless step
// debugging is on). In-process tests drop those lines so that the test output stays readable; the
// end-to-end tests run the bundle in child processes and still see every line.
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean

process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
  if (typeof chunk === 'string' && chunk.startsWith('::debug::')) return true
  return write(chunk, ...rest)
}) as typeof process.stdout.write
