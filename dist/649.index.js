export const id = 649;
export const ids = [649,267];
export const modules = {

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ AuditAccessError),
/* harmony export */   ii: () => (/* binding */ downloadsSince),
/* harmony export */   jU: () => (/* binding */ AUDIT_FILTER_PATH),
/* harmony export */   lN: () => (/* binding */ DownloadCounter)
/* harmony export */ });
/* unused harmony exports DOWNLOAD_ACTION_IDS, AUDIT_FORBIDDEN_MESSAGE, AUDIT_IGNORED_MESSAGE, AUDIT_NOT_IN_PLAN_MESSAGE, fileDownloads */
/* harmony import */ var _links_share_link_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8703);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8653);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9792);
// Download counts from the audit trail. DocSpace has no per-link download counter: its audit trail records
// each download of a file (FileDownloaded 5009, FileDownloadedAs 5010, FileRevisionDownloaded 5062) with
// the file id as target, whichever link or user it came through. The filter that really works is
// `entryType=1&actionType=12&target=<id>`: the server then matches `target` as a substring (12 also
// finds 123), so events are checked here for exactly that id. `action` is localized text (and empty for
// 5062): never match on it. A portal whose plan lacks the Audit option ignores every parameter and
// answers the last 20 events, which is detected rather than counted.



const AUDIT_FILTER_PATH = '/api/2.0/security/audit/events/filter';
/** MessageAction ids of a file download. */
const DOWNLOAD_ACTION_IDS = new Set([5009, 5010, 5062]);
const ENTRY_TYPE_FILE = 1;
const ACTION_TYPE_DOWNLOAD = 12;
const PAGE_SIZE = 100;
/** What a portal without the Audit option answers, whatever was asked. */
const UNFILTERED_PAGE = 20;
// 20 000 downloads of one file since a link was made is far beyond any limit worth enforcing; the bound
// keeps a misbehaving portal from holding the run forever.
const MAX_PAGES = 200;
const AUDIT_FORBIDDEN_MESSAGE = "counting downloads needs an admin's API key with the `*:read` scope (the audit trail is admin-only)";
const AUDIT_IGNORED_MESSAGE = "the audit trail ignored the filter (the portal's plan has no Audit option?): downloads cannot be counted";
const AUDIT_NOT_IN_PLAN_MESSAGE = "the portal's plan does not include the audit trail (HTTP 402): downloads cannot be counted";
/** The audit trail refused the key: a failure for whatever needs a count. */
class AuditAccessError extends Error {
    constructor(message, options = {}) {
        super(message, options);
        this.name = 'AuditAccessError';
    }
}
function holdsExactly(event, fileId) {
    return (event.target ?? []).some((t) => t === fileId);
}
// Whether the event could have passed the filter that was asked: a download (by id and type) whose target
// contains the id as a substring. Anything else shows the portal ignored the filter.
function fitsFilter(event, fileId) {
    if (event.actionId === undefined || !DOWNLOAD_ACTION_IDS.has(event.actionId))
        return false;
    if (event.actionType !== undefined && event.actionType !== ACTION_TYPE_DOWNLOAD)
        return false;
    return (event.target ?? []).some((t) => t.includes(fileId));
}
function sameIds(a, b) {
    return a.length === b.length && a.every((event, i) => event.id === b[i].id);
}
/**
 * Every download of one file recorded since `since` (all of them when it is not given), or why they
 * cannot be counted. Throws AuditAccessError when the key may not read the audit trail.
 */
async function fileDownloads(client, fileId, since) {
    const id = String(fileId);
    const seen = new Set();
    const events = [];
    let previous;
    let startIndex = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
        const batch = await auditPage(client, {
            entryType: ENTRY_TYPE_FILE,
            actionType: ACTION_TYPE_DOWNLOAD,
            target: id,
            from: since ? (0,_links_share_link_js__WEBPACK_IMPORTED_MODULE_0__/* .isoUtc */ .u8)(since) : undefined,
            startIndex,
            count: PAGE_SIZE
        });
        if (batch === 'not-in-plan')
            return { counted: false, reason: AUDIT_NOT_IN_PLAN_MESSAGE };
        if (batch.some((event) => !fitsFilter(event, id))) {
            return { counted: false, reason: AUDIT_IGNORED_MESSAGE };
        }
        // The last 20 events, answered again for the next page: the portal ignores filter and paging alike.
        if (previous?.length === UNFILTERED_PAGE && sameIds(previous, batch)) {
            return { counted: false, reason: AUDIT_IGNORED_MESSAGE };
        }
        let fresh = 0;
        for (const event of batch) {
            if (seen.has(event.id))
                continue;
            seen.add(event.id);
            fresh++;
            if (!holdsExactly(event, id))
                continue;
            const at = event.date ? new Date(event.date) : undefined;
            // `from` is the server's to apply; an event before it is not counted, whatever the server did.
            if (since && at && at.getTime() < since.getTime())
                continue;
            events.push({ id: event.id, at: at ?? new Date(NaN) });
        }
        // A page of exactly 20 might be the unfiltered answer: one more page tells.
        if (batch.length < PAGE_SIZE && batch.length !== UNFILTERED_PAGE) {
            return { counted: true, events, truncated: false };
        }
        // A full page of events already read: the portal ignores startIndex, so the rest is out of reach.
        if (fresh === 0)
            return { counted: true, events, truncated: true };
        previous = batch;
        startIndex += batch.length;
    }
    return { counted: true, events, truncated: true };
}
async function auditPage(client, query) {
    try {
        const { data } = await client.request('GET', AUDIT_FILTER_PATH, {
            query,
            retry: 'read'
        });
        // One event of the wrong shape makes the whole count unsure: it is refused rather than guessed.
        const endpoint = `GET ${AUDIT_FILTER_PATH}`;
        return (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .listAt */ .gT)(data, endpoint, 'response').map((raw, i) => {
            const checked = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .checkAuditEvent */ .uF)(raw, `response[${i}]`);
            if (!checked.ok) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DocSpaceError */ .z('bad-response', endpoint, (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .entryProblem */ .qH)(endpoint, checked, 'downloads cannot be counted'));
            }
            return checked.value;
        });
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DocSpaceError */ .z && (error.kind === 'forbidden' || error.status === 403)) {
            throw new AuditAccessError(AUDIT_FORBIDDEN_MESSAGE, { cause: error });
        }
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DocSpaceError */ .z &&
            (error.kind === 'payment-required' || error.status === 402)) {
            return 'not-in-plan';
        }
        throw error;
    }
}
/** Downloads among the events at or after `since` (all of them without it). */
function downloadsSince(events, since) {
    if (!since)
        return events.length;
    return events.filter((event) => !(event.at.getTime() < since.getTime())).length;
}
/**
 * Download counts for many links at once, each file's audit trail read once: a query from an earlier
 * moment (or from the start) answers every later one. After a 403 no further query is made.
 */
class DownloadCounter {
    client;
    queries = new Map();
    refused;
    constructor(client) {
        this.client = client;
    }
    /** Downloads of one file since `since`: served from an earlier query when one covers it. */
    async file(fileId, since) {
        if (this.refused)
            throw this.refused;
        const known = this.queries.get(fileId) ?? [];
        const cover = known.find((q) => q.since === undefined || (since !== undefined && q.since.getTime() <= since.getTime()));
        const result = cover?.result ?? this.query(fileId, since);
        if (!cover) {
            known.push({ since, result });
            this.queries.set(fileId, known);
        }
        const downloads = await result;
        if (!downloads.counted)
            return downloads;
        return {
            ...downloads,
            events: since
                ? downloads.events.filter((e) => !(e.at.getTime() < since.getTime()))
                : downloads.events
        };
    }
    /**
     * Downloads of several files (the files of a folder) since `since`, summed; null with the reason when
     * any of them cannot be counted.
     */
    async files(fileIds, since) {
        const results = await Promise.all(fileIds.map((id) => this.file(id, since)));
        let downloads = 0;
        let truncated = false;
        for (const result of results) {
            if (!result.counted)
                return { downloads: null, reason: result.reason };
            downloads += result.events.length;
            truncated ||= result.truncated;
        }
        return { downloads, truncated };
    }
    async query(fileId, since) {
        try {
            return await fileDownloads(this.client, fileId, since);
        }
        catch (error) {
            if (error instanceof AuditAccessError)
                this.refused ??= error;
            throw error;
        }
    }
}


/***/ }),

/***/ 267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  enforceLimits: () => (/* binding */ enforceLimits),
  enforceOnEntry: () => (/* binding */ enforceOnEntry),
  limitPolicyOf: () => (/* binding */ limitPolicyOf)
});

// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/links.ts
var docspace_links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/links/share-rights.ts
var share_rights = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/links/find-link.ts
var find_link = __webpack_require__(8087);
// EXTERNAL MODULE: ./src/links/link-state.ts
var link_state = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/links/policy.ts
// The pure decision of enforce-limits and sweep: given a link, its download count, the policy and the
// time, revoke or keep it, and say why. No I/O here, so every rule can be tested on its own.

/** The limit the policy applies to this link, or null when it has none. */
function downloadLimit(link, policy) {
    return policy.maxDownloads ?? link.maxDownloads;
}
/**
 * Whether the decision depends on the link's download count, so an audit query is worth making. A
 * primary link that the policy may not revoke still counts when its limit is enforced: the count is
 * reported either way, and the query is shared with the target's other links.
 */
function needsDownloadCount(link, policy) {
    return policy.enforceMaxDownloads && downloadLimit(link, policy) !== null;
}
// `30d` rather than the canonical `4w2d`: ages are usually given in days, and read better that way.
function ageText(ms) {
    if (ms % duration/* DAY_MS */.sO === 0)
        return `${ms / duration/* DAY_MS */.sO}d`;
    try {
        return (0,duration/* formatDuration */.a3)(ms);
    }
    catch {
        return `${Math.round(ms / 60_000)}m`;
    }
}
function decideLink(link, downloads, policy, now) {
    const limit = downloadLimit(link, policy);
    const expiresAt = link.expiresAt ? Date.parse(link.expiresAt) : NaN;
    const expiresSoon = !link.expired && expiresAt > now.getTime() && expiresAt - now.getTime() <= duration/* DAY_MS */.sO;
    const reasons = [];
    if (policy.revokeExpired && link.expired)
        reasons.push('expired');
    if (policy.enforceMaxDownloads && limit !== null && typeof downloads === 'number') {
        if (downloads >= limit)
            reasons.push(`download limit reached (${downloads}/${limit})`);
    }
    if (policy.maxAgeMs !== undefined && link.createdAt) {
        const age = now.getTime() - Date.parse(link.createdAt);
        if (age > policy.maxAgeMs)
            reasons.push(`older than ${ageText(policy.maxAgeMs)}`);
    }
    const base = { maxDownloads: limit, expiresSoon };
    if (reasons.length > 0 && link.primary && !policy.includePrimary) {
        return {
            ...base,
            revoke: false,
            reason: `primary link, kept without include-primary (${reasons.join('; ')})`
        };
    }
    if (reasons.length > 0)
        return { ...base, revoke: true, reason: reasons.join('; ') };
    const why = [];
    if (policy.enforceMaxDownloads && limit !== null) {
        why.push(typeof downloads === 'number'
            ? `${downloads}/${limit} downloads`
            : 'downloads could not be counted');
    }
    if (link.expired)
        why.push('expired, but revoke-expired is false');
    return { ...base, revoke: false, reason: why.length > 0 ? why.join('; ') : 'within limits' };
}
/**
 * A glob on the whole text: `*` any run of characters, `?` exactly one, everything else literal.
 * Iterative with backtracking to the last `*`, so it is linear-ish and cannot blow up on hostile input.
 */
function matchesGlob(pattern, text) {
    const p = Array.from(pattern);
    const t = Array.from(text);
    let pi = 0;
    let ti = 0;
    let star = -1;
    let resume = 0;
    while (ti < t.length) {
        if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
            pi++;
            ti++;
        }
        else if (pi < p.length && p[pi] === '*') {
            star = pi++;
            resume = ti;
        }
        else if (star >= 0) {
            pi = star + 1;
            ti = ++resume;
        }
        else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === '*')
        pi++;
    return pi === p.length;
}
/** Whether `title-pattern` lets the link be considered at all (no pattern: every link). */
function titleSelected(link, titlePattern) {
    return titlePattern === undefined || matchesGlob(titlePattern, link.title);
}

// EXTERNAL MODULE: ./src/links/share-link.ts
var share_link = __webpack_require__(8703);
// EXTERNAL MODULE: ./src/operations/update-link.ts
var update_link = __webpack_require__(8042);
// EXTERNAL MODULE: ./src/links/verify-link.ts
var verify_link = __webpack_require__(245);
;// CONCATENATED MODULE: ./src/operations/enforce-limits.ts











function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function wantsCount(link, settings) {
    if (!needsDownloadCount(link, settings.policy))
        return false;
    if (settings.countAll)
        return true;
    if (link.primary && !settings.policy.includePrimary)
        return false;
    return !decideLink(link, undefined, settings.policy, settings.now).revoke;
}
/**
 * Downloads of each link, counted per file since the link was created (all of them when the link has no
 * creation time): the audit trail knows files, not links. One query series per file covers every link.
 */
async function countDownloads(entry, links, settings) {
    const byLink = new Map();
    if (links.length === 0)
        return { byLink, truncated: false };
    const created = links.map((link) => (link.createdAt ? new Date(link.createdAt) : undefined));
    const since = created.some((at) => at === undefined)
        ? undefined
        : new Date(Math.min(...created.map((at) => at.getTime())));
    // A file listed twice (paging shifted while the folder changed) must not count its downloads twice.
    const files = [...new Set(await entry.countedFiles())];
    const unknown = () => {
        for (const link of links)
            byLink.set(link.id, null);
        return byLink;
    };
    try {
        const results = await Promise.all(files.map((id) => settings.counter.file(id, since)));
        let truncated = false;
        for (const result of results) {
            if (!result.counted)
                return { byLink: unknown(), uncounted: result.reason, truncated: false };
            truncated ||= result.truncated;
        }
        links.forEach((link, i) => {
            let sum = 0;
            for (const result of results)
                if (result.counted)
                    sum += (0,audit/* downloadsSince */.ii)(result.events, created[i]);
            byLink.set(link.id, sum);
        });
        return { byLink, truncated };
    }
    catch (error) {
        // An audit answer of the wrong shape is as good as none: the links that need a count stay, and the
        // others (expired, too old) are still decided.
        const unreadable = error instanceof errors/* DocSpaceError */.z && error.kind === 'bad-response';
        if (!(error instanceof audit/* AuditAccessError */.WU) && !unreadable)
            throw error;
        return { byLink: unknown(), refused: error.message, truncated: false };
    }
}
/** Decides every selected link of one entry and revokes those the policy says to (unless dry run). */
async function enforceOnEntry(entry, settings) {
    const { log, now, policy } = settings;
    // Each link once, and only links with an id: a PUT without one would make a link, not revoke it.
    const ids = new Set();
    const selected = entry.links
        .map((dto) => ({ dto, link: (0,share_link/* toShareLink */.Lo)(dto, now) }))
        .filter(({ link }) => link.id !== '' && !ids.has(link.id) && ids.add(link.id) !== undefined)
        .filter(({ link }) => titleSelected(link, settings.titlePattern));
    const counts = await countDownloads(entry, selected.map(({ link }) => link).filter((link) => wantsCount(link, settings)), settings);
    const outcome = { links: [], notes: [], failures: [], uncounted: counts.uncounted };
    if (counts.truncated) {
        outcome.notes.push(`${entry.label}: the audit trail holds more downloads than were read; counts are lower bounds`);
    }
    let keptUncounted = false;
    for (const { dto, link } of selected) {
        const downloads = counts.byLink.get(link.id);
        const decision = decideLink(link, downloads, policy, now);
        const name = `link "${link.title}" (${link.id}) on ${entry.label}`;
        if (decision.expiresSoon)
            log.warning(`The ${name} expires within a day (${link.expiresAt})`);
        let action = 'kept';
        let reason = decision.reason;
        if (decision.revoke && settings.dryRun) {
            action = 'would-revoke';
            log.info(`Would revoke the ${name}: ${reason}`);
        }
        else if (decision.revoke) {
            try {
                const replacement = await (0,docspace_links/* putLink */._1)(settings.client, entry.target, (0,link_state/* revokeRequestBody */.QD)(entry.target, dto), 'idempotent');
                if ((0,link_state/* revokeKept */.b8)(dto, replacement))
                    throw new Error(verify_link/* REVOKE_DROPPED */.az);
                action = 'revoked';
                log.notice(`Revoked the ${name}: ${reason}`);
                const newId = replacement ? (0,share_link/* sharedLinkOf */.lE)(replacement)?.id : undefined;
                if (newId && newId !== link.id) {
                    // Public and form-filling rooms always have a primary link: DocSpace makes a new one at once.
                    outcome.notes.push(`${entry.label}: DocSpace replaced the revoked primary link with a new one (${newId}).`);
                }
            }
            catch (error) {
                reason = `${reason}; revoking failed`;
                outcome.failures.push(`${entry.label}: revoking link "${link.title}" (${link.id}) failed: ${messageOf(error)}`);
            }
        }
        else {
            log.info(`Kept the ${name}: ${reason}`);
            if (downloads === null)
                keptUncounted = true;
        }
        outcome.links.push({
            ...link,
            maxDownloads: decision.maxDownloads,
            ...(downloads === undefined ? {} : { downloads }),
            action,
            reason,
            target: (0,docspace_links/* describeTarget */.ff)(entry.target)
        });
    }
    // A refused audit query matters only when a link it was for stayed: one revoked anyway is settled.
    if (counts.refused && keptUncounted)
        outcome.failures.push(`${entry.label}: ${counts.refused}`);
    return outcome;
}
/** The policy inputs as the decision reads them. */
function limitPolicyOf(request, withOverride) {
    return {
        revokeExpired: request.policy.revokeExpired,
        enforceMaxDownloads: request.policy.enforceMaxDownloads,
        maxAgeMs: request.policy.maxAgeMs,
        includePrimary: request.policy.includePrimary,
        maxDownloads: withOverride ? request.link.maxDownloads : undefined
    };
}
// Downloads of the files directly inside a folder or room count for its links; a file counts for itself.
async function filesToCount(client, target) {
    if (target.kind === 'file')
        return [target.id];
    const { files } = await (0,entries/* listFolder */.bt)(client, target.id);
    return files.map((file) => file.id);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function headlineOf(request, target, links, single) {
    const where = (0,docspace_links/* describeTarget */.ff)(target);
    const revoked = links.filter((l) => l.action === 'revoked' || l.action === 'would-revoke');
    if (single && links.length === 1) {
        const [link] = links;
        const verb = link.action === 'revoked'
            ? 'Revoked'
            : link.action === 'would-revoke'
                ? 'Would revoke'
                : 'Kept';
        return `${verb} link "${link.title}" on ${where} (${link.reason})`;
    }
    if (links.length === 0) {
        return request.policy.titlePattern === undefined
            ? `No links on ${where}: nothing to enforce`
            : `No link on ${where} matches title-pattern "${request.policy.titlePattern}"`;
    }
    const verb = request.dryRun ? 'Would revoke' : 'Revoked';
    if (revoked.length === 0)
        return `Checked ${plural(links.length, 'link')} on ${where}: none revoked`;
    return `${verb} ${revoked.length} of ${plural(links.length, 'link')} on ${where}`;
}
/**
 * Revokes the links of one target that have expired, reached their download limit or grown older than
 * `max-age`; with `link-id` or `title`, just that link.
 */
async function enforceLimits(request, context) {
    const target = request.targets[0];
    const now = context.now();
    const client = context.client;
    const all = await (0,share_rights/* listManagedLinks */.Vt)(client, target);
    const single = request.linkId !== undefined || request.link.title !== undefined;
    let links = all;
    if (single) {
        const one = (0,find_link/* findLink */.K)(all, { linkId: request.linkId, title: request.link.title });
        if (!one)
            throw new Error(`No ${(0,update_link/* linkSelector */.Y5)(request)} on ${(0,docspace_links/* describeTarget */.ff)(target)}`);
        links = [one];
    }
    const outcome = await enforceOnEntry({
        target,
        label: (0,docspace_links/* describeTarget */.ff)(target),
        links,
        countedFiles: () => filesToCount(client, target)
    }, {
        client,
        counter: new audit/* DownloadCounter */.lN(client),
        policy: limitPolicyOf(request, true),
        titlePattern: single ? undefined : request.policy.titlePattern,
        dryRun: request.dryRun,
        now,
        log: context.log,
        countAll: true
    });
    const notes = [...outcome.notes];
    if (outcome.uncounted) {
        notes.push(`${(0,docspace_links/* describeTarget */.ff)(target)}: ${outcome.uncounted}`);
        context.log.warning(`${(0,docspace_links/* describeTarget */.ff)(target)}: ${outcome.uncounted}`);
    }
    if (target.kind !== 'file' && outcome.links.some((l) => l.downloads !== undefined)) {
        notes.push(`Downloads of a ${target.kind} link are the downloads of the files directly inside it, whichever ` +
            'link or user they came through.');
    }
    const revokedCount = outcome.links.filter((l) => l.action === 'revoked' || l.action === 'would-revoke').length;
    const only = outcome.links.length === 1 ? outcome.links[0] : undefined;
    const result = {
        operation: request.operation,
        dryRun: request.dryRun,
        headline: headlineOf(request, target, outcome.links, single),
        links: outcome.links,
        revoked: revokedCount > 0,
        revokedCount,
        notes
    };
    if (only) {
        const { downloads, action: _action, reason: _reason, target: _target, ...link } = only;
        result.link = link;
        if (typeof downloads === 'number')
            result.downloads = downloads;
    }
    if (outcome.failures.length > 0)
        result.failures = outcome.failures;
    return result;
}


/***/ }),

/***/ 9649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RATE_LIMIT_PAUSE_MS: () => (/* binding */ RATE_LIMIT_PAUSE_MS),
  pooledClient: () => (/* binding */ pooledClient),
  sweep: () => (/* binding */ sweep)
});

;// CONCATENATED MODULE: ./src/concurrency.ts
// A bounded pool of async tasks. The sweep runs every request to the portal through one pool, so the
// `concurrency` input bounds requests (DocSpace allows 50 parallel reads and 15 parallel writes per user)
// rather than targets, and a 429 can hold back the whole sweep, not just the request that got it.
class TaskPool {
    limit;
    running = 0;
    waiting = [];
    head = 0;
    resumeAt = 0;
    timer;
    now;
    constructor(limit, options = {}) {
        if (!Number.isSafeInteger(limit) || limit < 1) {
            throw new Error(`a task pool needs a positive whole number of slots (got ${limit})`);
        }
        this.limit = limit;
        this.now = options.now ?? Date.now;
    }
    /** Tasks running now. */
    get active() {
        return this.running;
    }
    /** Tasks queued and not yet started. */
    get pending() {
        return this.waiting.length - this.head;
    }
    /** True while a pause holds back new tasks. */
    get paused() {
        return this.resumeAt > this.now();
    }
    /** Runs the task once a slot is free (first come, first served) and settles as the task does. */
    run(task) {
        return new Promise((resolve, reject) => {
            this.waiting.push(() => {
                this.running++;
                // A task that throws before returning its promise must still give its slot back.
                Promise.resolve()
                    .then(task)
                    .then(resolve, reject)
                    .finally(() => {
                    this.running--;
                    this.drain();
                });
            });
            this.drain();
        });
    }
    /**
     * Starts no new task for `ms` milliseconds. Tasks already running go on. A shorter pause never cuts a
     * longer one short, so each 429 can simply report its own Retry-After.
     */
    pause(ms) {
        if (!(ms > 0))
            return;
        this.resumeAt = Math.max(this.resumeAt, this.now() + ms);
        this.drain();
    }
    drain() {
        const wait = this.resumeAt - this.now();
        if (wait > 0) {
            if (this.timer === undefined && this.pending > 0) {
                this.timer = setTimeout(() => {
                    this.timer = undefined;
                    this.drain();
                }, wait);
            }
            return;
        }
        while (this.running < this.limit && this.head < this.waiting.length) {
            const start = this.waiting[this.head];
            this.waiting[this.head++] = noop;
            start();
        }
        // Compact now and then rather than shift() each time, which is linear in the queue length.
        if (this.head > 1024 && this.head * 2 > this.waiting.length) {
            this.waiting.splice(0, this.head);
            this.head = 0;
        }
    }
}
function noop() { }
/**
 * Calls `work` for every item, at most `limit` at a time, and settles each one: a failing item never
 * stops the others. Results keep the order of the items.
 */
async function settleEach(items, limit, work) {
    const pool = new TaskPool(Math.max(1, Math.min(limit, items.length || 1)));
    return Promise.allSettled(items.map((item, index) => pool.run(() => work(item, index))));
}

// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/links/share-rights.ts
var share_rights = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/operations/enforce-limits.ts + 1 modules
var enforce_limits = __webpack_require__(267);
;// CONCATENATED MODULE: ./src/operations/sweep.ts







/** Pause when a 429 reaches the sweep without saying how long to wait. */
const RATE_LIMIT_PAUSE_MS = 1000;
/** How many times the sweep itself repeats a request the client gave up on after 429s. */
const RATE_LIMIT_ROUNDS = 3;
/** Folders deeper than this below a swept folder are not descended into. */
const MAX_DEPTH = 32;
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label, error) {
    const message = messageOf(error);
    const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase());
    return named ? message : `${label}: ${message}`;
}
/**
 * The same client with every request run through the pool. A 429 pauses the whole pool (every worker, not
 * only the one that met it) for as long as the portal asked, so the sweep as a whole slows down instead of
 * each worker hammering the limit on its own. The client retries the request itself after that wait; a
 * request that still ends in a 429 pauses the pool once more and is tried again, a bounded number of times.
 */
function pooledClient(client, pool, onPause = () => undefined) {
    const pauseFor = (ms) => {
        pool.pause(ms);
        onPause(ms);
    };
    const onRetry = (retry) => {
        if (retry.status === 429)
            pauseFor(retry.waitMs);
    };
    const pooled = Object.create(client);
    pooled.request = async (method, path, options = {}) => {
        for (let round = 1;; round++) {
            try {
                return await pool.run(() => client.request(method, path, { ...options, onRetry }));
            }
            catch (error) {
                // A 429 means the portal refused the request before acting on it: repeating is always safe.
                if (!(error instanceof errors/* DocSpaceError */.z) || error.kind !== 'rate-limited')
                    throw error;
                if (round > RATE_LIMIT_ROUNDS)
                    throw error;
                pauseFor(RATE_LIMIT_PAUSE_MS);
            }
        }
    };
    return pooled;
}
// Targets are swept in parallel; each keeps its lines until it is done, so a log group holds one target.
class TargetLog {
    lines = [];
    debug(message) {
        this.lines.push(['debug', message]);
    }
    info(message) {
        this.lines.push(['info', message]);
    }
    warning(message) {
        this.lines.push(['warning', message]);
    }
    notice(message) {
        this.lines.push(['notice', message]);
    }
    startGroup() { }
    endGroup() { }
    flush(to, title) {
        to.startGroup(title);
        try {
            // Runs of plain lines go out as one write: the runner's stdout is a pipe written synchronously.
            let run = [];
            const flushRun = () => {
                if (run.length > 0)
                    to.info(run.join('\n'));
                run = [];
            };
            for (const [level, message] of this.lines) {
                if (level === 'info') {
                    run.push(message);
                    continue;
                }
                flushRun();
                to[level](message);
            }
            flushRun();
        }
        finally {
            to.endGroup();
        }
    }
}
function claim(sweeper, target) {
    const key = `${target.kind}:${target.id}`;
    if (sweeper.claimed.has(key))
        return false;
    sweeper.claimed.add(key);
    return true;
}
function allFiles(node) {
    return [...node.files, ...node.children.flatMap(allFiles)];
}
// Lists a folder or room (every page), and with `recursive` its subfolders too. A subfolder that cannot
// be listed is a failure of its own; the rest of the tree is still swept.
async function expand(sweeper, target, label, depth, seen, failures) {
    const { files, folders } = await (0,entries/* listFolder */.bt)(sweeper.client, target.id);
    sweeper.listed ??= new Map();
    for (const f of files)
        sweeper.listed.set(`file:${f.id}`, f);
    for (const f of folders)
        sweeper.listed.set(`folder:${f.id}`, f);
    const node = { target, label, files: files.map((f) => f.id), children: [] };
    if (!sweeper.recursive || depth >= MAX_DEPTH)
        return node;
    const fresh = folders.filter((f) => !seen.has(f.id));
    for (const f of fresh)
        seen.add(f.id);
    const children = await Promise.all(fresh.map(async (f) => {
        const sub = { kind: 'folder', id: f.id };
        const subLabel = `folder ${f.id} (in ${label})`;
        try {
            return await expand(sweeper, sub, subLabel, depth + 1, seen, failures);
        }
        catch (error) {
            failures.push(failureOf(subLabel, error));
            return undefined;
        }
    }));
    node.children = children.filter((child) => child !== undefined);
    return node;
}
// The folder itself (its links count the downloads of the files under it), its files, and with
// `recursive` the same for every subfolder.
function entriesOf(sweeper, node, ownLinks) {
    const counted = sweeper.recursive ? allFiles(node) : node.files;
    const entries = [];
    if (ownLinks !== undefined || claim(sweeper, node.target)) {
        entries.push({
            target: node.target,
            label: node.label,
            links: ownLinks,
            countedFiles: async () => counted
        });
    }
    for (const id of node.files) {
        const target = { kind: 'file', id };
        if (!claim(sweeper, target))
            continue;
        entries.push({ target, label: `file ${id} (in ${node.label})`, countedFiles: async () => [id] });
    }
    for (const child of node.children)
        entries.push(...entriesOf(sweeper, child));
    return entries;
}
async function sweepEntry(sweeper, entry, report, log) {
    let outcome;
    try {
        const known = sweeper.listed?.get(`${entry.target.kind}:${entry.target.id}`);
        const links = entry.links ?? (await (0,share_rights/* listManagedLinks */.Vt)(sweeper.client, entry.target, { entry: known }));
        outcome = await (0,enforce_limits.enforceOnEntry)({ ...entry, links }, { ...sweeper.settings, log });
    }
    catch (error) {
        report.failures.push(failureOf(entry.label, error));
        log.warning(`${entry.label} could not be swept: ${messageOf(error)}`);
        return;
    }
    report.links.push(...outcome.links);
    report.notes.push(...outcome.notes);
    report.failures.push(...outcome.failures);
    if (outcome.uncounted)
        report.uncounted.push({ reason: outcome.uncounted, label: entry.label });
}
async function sweepTarget(sweeper, target, root) {
    const label = (0,links/* describeTarget */.ff)(target);
    const report = { label, links: [], notes: [], failures: [], uncounted: [] };
    const log = new TargetLog();
    try {
        if (!claim(sweeper, target)) {
            log.info(`${label} was already swept with another target`);
            return report;
        }
        const links = await (0,share_rights/* listManagedLinks */.Vt)(sweeper.client, target);
        if (target.kind === 'file') {
            await sweepEntry(sweeper, { target, label, links, countedFiles: async () => [target.id] }, report, log);
        }
        else {
            const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures);
            const entries = entriesOf(sweeper, tree, links);
            log.info(`${label}: ${entries.length - 1} entries inside to sweep`);
            await Promise.all(entries.map((entry) => sweepEntry(sweeper, entry, report, log)));
        }
    }
    catch (error) {
        report.failures.push(failureOf(label, error));
        log.warning(`${label} could not be swept: ${messageOf(error)}`);
    }
    finally {
        const revoked = report.links.filter((l) => l.action === 'revoked' || l.action === 'would-revoke');
        log.info(`${label}: ${report.links.length} links checked, ${revoked.length} revoked`);
        log.flush(root, label);
    }
    return report;
}
function uniqueTargets(targets) {
    const seen = new Set();
    return targets.filter((t) => {
        const key = `${t.kind}:${t.id}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function uncountedNotes(reports) {
    const byReason = new Map();
    for (const { reason, label } of reports.flatMap((r) => r.uncounted)) {
        byReason.set(reason, [...(byReason.get(reason) ?? []), label]);
    }
    const shown = 10;
    return [...byReason].map(([reason, labels]) => {
        const more = labels.length > shown ? ` and ${labels.length - shown} more` : '';
        return `${reason} (${labels.slice(0, shown).join(', ')}${more})`;
    });
}
/**
 * Enforces the policy on many files, folders and rooms: expired links, download limits, `max-age` and
 * `title-pattern`. Requests run in parallel within `concurrency`; a target that fails is reported and
 * the others are still swept.
 */
async function sweep(request, context) {
    const policy = request.policy;
    const now = context.now();
    const pool = new TaskPool(Math.max(1, policy.concurrency));
    let pauses = 0;
    const client = pooledClient(context.client, pool, (ms) => {
        pauses++;
        context.log.warning(`The portal's rate limit was hit: the sweep pauses for ${(ms / 1000).toFixed(1)} s`);
    });
    const sweeper = {
        client,
        recursive: policy.recursive,
        claimed: new Set(),
        settings: {
            client,
            counter: new audit/* DownloadCounter */.lN(client),
            policy: (0,enforce_limits.limitPolicyOf)(request, false),
            titlePattern: policy.titlePattern,
            dryRun: request.dryRun,
            now,
            countAll: false
        }
    };
    const targets = uniqueTargets(request.targets);
    // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
    const settled = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target) => sweepTarget(sweeper, target, context.log));
    const reports = settled.map((s, i) => s.status === 'fulfilled'
        ? s.value
        : {
            label: (0,links/* describeTarget */.ff)(targets[i]),
            links: [],
            notes: [],
            failures: [failureOf((0,links/* describeTarget */.ff)(targets[i]), s.reason)],
            uncounted: []
        });
    const checked = reports.flatMap((r) => r.links);
    const revoked = checked.filter((l) => l.action === 'revoked' || l.action === 'would-revoke');
    const keptCount = checked.length - revoked.length;
    const failures = reports.flatMap((r) => r.failures);
    const notes = [...new Set(reports.flatMap((r) => r.notes)), ...uncountedNotes(reports)];
    if (pauses > 0)
        notes.push(`The portal's rate limit paused the sweep ${pauses} time(s).`);
    const verb = request.dryRun ? 'would revoke' : 'revoked';
    let headline = `Swept ${targets.length} target${targets.length === 1 ? '' : 's'}: ` +
        `${checked.length} link${checked.length === 1 ? '' : 's'} checked, ${verb} ${revoked.length}, kept ${keptCount}`;
    if (failures.length > 0)
        headline += `, ${failures.length} failure${failures.length === 1 ? '' : 's'}`;
    const result = {
        operation: request.operation,
        dryRun: request.dryRun,
        headline,
        links: revoked,
        revoked: revoked.length > 0,
        revokedCount: revoked.length,
        keptCount,
        notes
    };
    if (failures.length > 0) {
        if (policy.failOnError)
            result.failures = failures;
        else {
            for (const failure of failures)
                context.log.warning(failure);
            result.notes = [...notes, ...failures.map((f) => `Not swept: ${f}`)];
        }
    }
    return result;
}


/***/ })

};
