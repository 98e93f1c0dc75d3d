// Stands in for @actions/http-client in the bundle (see tsconfig.json "paths"). @actions/core only
// reaches it through getIDToken(), which this action never calls; anything else that tries fails loudly.
function refuse(): never {
  throw new Error(
    'OIDC tokens are not available in this action (@actions/http-client is not bundled)'
  )
}

export class HttpClient {
  constructor() {
    refuse()
  }
}

export class BearerCredentialHandler {
  constructor() {
    refuse()
  }
}
