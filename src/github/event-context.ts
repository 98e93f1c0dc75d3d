import { context } from '@actions/github'

// The event of the run as @actions/github describes it: the toolkit's `context` reads the payload named by
// GITHUB_EVENT_PATH and the GITHUB_* variables. It comes with octokit, so it is loaded only on a `release`
// event (the only one whose payload the action reads), in the chunk that holds the releases API.

type ContextClass = new () => typeof context

/**
 * The run's event payload, read now: a fresh toolkit `Context` each call (the one @actions/github makes
 * when it loads keeps the event of that moment).
 */
export function eventPayload(): unknown {
  return new (context.constructor as ContextClass)().payload
}
