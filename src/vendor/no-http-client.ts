// Stands in for @actions/http-client in the bundle (see tsconfig.json "paths"). @actions/core only
// reaches it through getIDToken(), which this action never calls. @actions/github builds a client when it
// loads, only to ask it for a proxy agent and an undici dispatcher: none is given (undefined, as the real
// client answers without a proxy), because the release-notes client passes its own `fetch`, which honours
// HTTPS_PROXY / NO_PROXY as the DocSpace client does. Anything that tries to send a request fails loudly.
function refuse(): never {
  throw new Error(
    'OIDC tokens are not available in this action (@actions/http-client is not bundled)'
  )
}

export class HttpClient {
  getAgent(): undefined {
    return undefined
  }

  getAgentDispatcher(): undefined {
    return undefined
  }

  request(): never {
    refuse()
  }

  getJson(): never {
    refuse()
  }

  get(): never {
    refuse()
  }

  post(): never {
    refuse()
  }
}

export class BearerCredentialHandler {
  constructor() {
    refuse()
  }
}
