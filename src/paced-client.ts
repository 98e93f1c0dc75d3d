// The client the sweep talks to: a decorator that sends every request through the governor of
// pacing.ts. It implements DocSpaceApi by delegation, so nothing of the real client is copied or patched.
import type { ApiResult, DocSpaceApi, RequestOptions } from './docspace/api.js'
import type { RequestGovernor } from './pacing.js'

/**
 * A decorator of the client: every request goes through the governor's pool and pacer, and the rest
 * (connection, log, the run's request budget and findings) is the wrapped client's own, so the budget
 * and the findings stay one for the whole run.
 */
export class PacedClient implements DocSpaceApi {
  constructor(
    private readonly client: DocSpaceApi,
    private readonly governor: RequestGovernor
  ) {}

  get connection(): DocSpaceApi['connection'] {
    return this.client.connection
  }

  get log(): DocSpaceApi['log'] {
    return this.client.log
  }

  get budget(): DocSpaceApi['budget'] {
    return this.client.budget
  }

  get findings(): DocSpaceApi['findings'] {
    return this.client.findings
  }

  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
    return this.governor.request<T>(this.client, method.toUpperCase(), path, options)
  }
}
