export const id = 326;
export const ids = [326];
export const modules = {

/***/ 2641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eventPayload: () => (/* binding */ eventPayload)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);

/**
 * The run's event payload, read now: a fresh toolkit `Context` each call (the one @actions/github makes
 * when it loads keeps the event of that moment).
 */
function eventPayload() {
    return new _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.constructor().payload;
}


/***/ }),

/***/ 8020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   releasesApi: () => (/* binding */ releasesApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6955);
/* harmony import */ var _docspace_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4211);
/* harmony import */ var _docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8021);




const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
/** One token sent as `Authorization: Bearer`, as GitHub documents for GITHUB_TOKEN and fine-grained tokens. */
function bearerAuth(token) {
    return () => Object.assign(async () => ({ type: 'token', token }), {
        hook: (request, route, parameters) => {
            const endpoint = request.endpoint.merge(route, parameters);
            endpoint.headers.authorization = `Bearer ${token}`;
            return request(endpoint);
        }
    });
}
function githubMessage(data) {
    const message = data?.message;
    return typeof message === 'string' && message ? ` (${message.slice(0, 200)})` : '';
}
function hint(status) {
    if (status === 401)
        return ': `github-token` was not accepted';
    if (status === 403 || status === 404) {
        return ': `github-token` needs `contents: write` on this repository (`permissions: contents: write`)';
    }
    return '';
}
/** node-fetch through the proxy that applies to the URL, if any; a redirect is an error, never followed. */
async function proxiedFetch(url, init = {}) {
    const route = await (0,_docspace_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyRouteFor */ .VH)(new URL(url));
    return (0,node_fetch__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .Ay)(url, { ...init, agent: route?.agent, redirect: 'error' });
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function releasesApi(options) {
    const host = new URL(options.apiUrl).host;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.apiUrl,
        userAgent: 'docspace-share-links-action',
        authStrategy: bearerAuth(options.token),
        request: { fetch: proxiedFetch }
    });
    const attempts = Math.max(1, options.attempts);
    // Outermost hook: every request, with its own timeout, repeated as the DocSpace client would.
    octokit.hook.wrap('request', async (request, requestOptions) => {
        // The path as sent (`/repos/octo/app/releases/7`), not the route template.
        const sent = new URL(octokit.request.endpoint.parse(requestOptions).url);
        const endpoint = `${requestOptions.method} ${sent.pathname}`;
        for (let attempt = 1;; attempt++) {
            try {
                return await request({
                    ...requestOptions,
                    request: { ...requestOptions.request, signal: AbortSignal.timeout(options.timeoutMs) }
                });
            }
            catch (error) {
                const failure = error;
                if (typeof failure.status === 'number' && failure.status > 0 && failure.response) {
                    const status = failure.status;
                    if ((0,_docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .statusSafety */ .Zu)(status) === 'final' || attempt >= attempts) {
                        throw new Error(`${endpoint} on the GitHub API answered HTTP ${status}${githubMessage(failure.response.data)}${hint(status)}`, { cause: error });
                    }
                    const headers = failure.response.headers ?? {};
                    const asked = (0,_docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .requestedWaitMs */ .yL)({ get: (name) => (headers[name] === undefined ? null : String(headers[name])) }, Date.now());
                    await sleep(asked ?? (0,_docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffMs */ .jo)(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, Math.random));
                    continue;
                }
                const cause = error.cause ?? error;
                const problem = (0,_docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .networkProblem */ .Wo)(cause, host);
                const timedOut = cause?.name === 'TimeoutError';
                if ((problem.safety === 'final' && !timedOut) || attempt >= attempts) {
                    const what = timedOut ? `no answer within ${options.timeoutMs / 1000} s` : problem.what;
                    throw new Error(`${endpoint} on the GitHub API failed: ${what}`, { cause: error });
                }
                await sleep((0,_docspace_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffMs */ .jo)(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS, Math.random));
            }
        }
    });
    return {
        async getRelease(repository, releaseId) {
            const { data } = await octokit.rest.repos.getRelease({
                ...repository,
                release_id: releaseId
            });
            return data;
        },
        async setReleaseBody(repository, releaseId, body) {
            await octokit.rest.repos.updateRelease({ ...repository, release_id: releaseId, body });
        }
    };
}


/***/ }),

/***/ 9102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ HttpClient)
/* harmony export */ });
/* unused harmony export BearerCredentialHandler */
// Stands in for @actions/http-client in the bundle (see tsconfig.json "paths"). @actions/core only
// reaches it through getIDToken(), which this action never calls. @actions/github builds a client when it
// loads, only to ask it for a proxy agent and an undici dispatcher: none is given (undefined, as the real
// client answers without a proxy), because the release-notes client passes its own `fetch`, which honours
// HTTPS_PROXY / NO_PROXY as the DocSpace client does. Anything that tries to send a request fails loudly.
function refuse() {
    throw new Error('OIDC tokens are not available in this action (@actions/http-client is not bundled)');
}
class HttpClient {
    getAgent() {
        return undefined;
    }
    getAgentDispatcher() {
        return undefined;
    }
    request() {
        refuse();
    }
    getJson() {
        refuse();
    }
    get() {
        refuse();
    }
    post() {
        refuse();
    }
}
class BearerCredentialHandler {
    constructor() {
        refuse();
    }
}


/***/ }),

/***/ 588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ fetch)
/* harmony export */ });
/* unused harmony export ProxyAgent */
// Stands in for undici in the bundle (see tsconfig.json "paths"). @actions/github imports its `fetch` to
// give octokit a proxy-aware default; the release-notes client always passes its own `fetch` instead, so
// undici (about 900 KiB bundled) would be loaded and never used.
function refuse() {
    throw new Error('undici is not bundled: pass `request.fetch` to octokit');
}
function fetch() {
    refuse();
}
class ProxyAgent {
    constructor() {
        refuse();
    }
}


/***/ })

};
