export const id = 453;
export const ids = [453];
export const modules = {

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ AuditAccessError),
/* harmony export */   ii: () => (/* binding */ downloadsSince),
/* harmony export */   lN: () => (/* binding */ DownloadCounter)
/* harmony export */ });
/* unused harmony exports AUDIT_FILTER_PATH, DOWNLOAD_ACTION_IDS, AUDIT_FORBIDDEN_MESSAGE, AUDIT_IGNORED_MESSAGE, AUDIT_NOT_IN_PLAN_MESSAGE, fileDownloads */
/* harmony import */ var _time_iso_date_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(153);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8653);
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
const AUDIT_FORBIDDEN_MESSAGE = "counting downloads needs an admin's API key (the audit trail is admin-only)";
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
            from: since ? (0,_time_iso_date_js__WEBPACK_IMPORTED_MODULE_1__/* .isoUtc */ .u8)(since) : undefined,
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
        return Array.isArray(data) ? data : [];
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DocSpaceError */ .z && (error.kind === 'forbidden' || error.status === 403)) {
            throw new AuditAccessError(AUDIT_FORBIDDEN_MESSAGE, { cause: error });
        }
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DocSpaceError */ .z &&
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

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L2: () => (/* binding */ getFolder),
/* harmony export */   bt: () => (/* binding */ listFolder),
/* harmony export */   vV: () => (/* binding */ createFolder)
/* harmony export */ });
/* unused harmony exports getFile, folderContents */
const PAGE_SIZE = 100;
// Guards against a portal that ignores paging: 1000 pages of 100 is far beyond any folder worth sweeping.
const MAX_PAGES = 1000;
async function getFile(client, id) {
    const { data } = await client.request('GET', `/api/2.0/files/file/${id}`, {
        retry: 'read'
    });
    if (!data)
        throw new Error(`the portal returned no information for file ${id}`);
    return data;
}
/** A folder or a room (rooms are folders to the files API). */
async function getFolder(client, target) {
    const path = target.kind === 'room'
        ? `/api/2.0/files/rooms/${target.id}`
        : `/api/2.0/files/folder/${target.id}`;
    const { data } = await client.request('GET', path, { retry: 'read' });
    if (!data)
        throw new Error(`the portal returned no information for ${target.kind} ${target.id}`);
    return data;
}
/** The files and subfolders of a folder or room, page by page. */
async function* folderContents(client, folderId) {
    let startIndex = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
        const { data } = await client.request('GET', `/api/2.0/files/${folderId}`, {
            query: { startIndex, count: PAGE_SIZE },
            retry: 'read'
        });
        if (!data)
            return;
        yield data;
        const received = (data.files?.length ?? 0) + (data.folders?.length ?? 0);
        startIndex += received;
        if (received === 0 || (data.total !== undefined && startIndex >= data.total))
            return;
    }
}
/** Every file and subfolder directly inside a folder or room. */
async function listFolder(client, folderId) {
    const files = [];
    const folders = [];
    for await (const page of folderContents(client, folderId)) {
        files.push(...(page.files ?? []));
        folders.push(...(page.folders ?? []));
    }
    return { files, folders };
}
async function createFolder(client, parentId, title) {
    const { data } = await client.request('POST', `/api/2.0/files/folder/${parentId}`, {
        json: { title },
        retry: 'none'
    });
    if (!data)
        throw new Error(`the portal did not return the folder "${title}" it created`);
    return data;
}


/***/ }),

/***/ 3634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ enforceOnEntry),
  Z: () => (/* binding */ limitPolicyOf)
});

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/links/link-state.ts
var link_state = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/time/duration.ts
var duration = __webpack_require__(2061);
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
;// CONCATENATED MODULE: ./src/links/enforce.ts






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
    const files = await entry.countedFiles();
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
        if (!(error instanceof audit/* AuditAccessError */.WU))
            throw error;
        return { byLink: unknown(), refused: error.message, truncated: false };
    }
}
/** Decides every selected link of one entry and revokes those the policy says to (unless dry run). */
async function enforceOnEntry(entry, settings) {
    const { log, now, policy } = settings;
    const selected = entry.links
        .map((dto) => ({ dto, link: (0,share_link/* toShareLink */.Lo)(dto, now) }))
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
                const replacement = await (0,links/* putLink */._1)(settings.client, entry.target, (0,link_state/* revokeRequestBody */.QD)(entry.target, dto), 'idempotent');
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
                outcome.failures.push(`${entry.label}: revoking link "${link.title}" (${link.id}) failed: ${(0,src_text/* messageOf */.b)(error)}`);
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
            target: (0,links/* describeTarget */.ff)(entry.target)
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


/***/ }),

/***/ 5321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   enforceLimits: () => (/* binding */ enforceLimits)
/* harmony export */ });
/* harmony import */ var _docspace_audit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7783);
/* harmony import */ var _docspace_entries_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4532);
/* harmony import */ var _docspace_links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2713);
/* harmony import */ var _links_change_link_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6942);
/* harmony import */ var _links_enforce_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3634);
/* harmony import */ var _links_find_link_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8087);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8992);







// Downloads of the files directly inside a folder or room count for its links; a file counts for itself.
async function filesToCount(client, target) {
    if (target.kind === 'file')
        return [target.id];
    const { files } = await (0,_docspace_entries_js__WEBPACK_IMPORTED_MODULE_5__/* .listFolder */ .bt)(client, target.id);
    return files.map((file) => file.id);
}
function headlineOf(request, target, links, single) {
    const where = (0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target);
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
        return `Checked ${(0,_text_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .L)(links.length, 'link')} on ${where}: none revoked`;
    return `${verb} ${revoked.length} of ${(0,_text_js__WEBPACK_IMPORTED_MODULE_6__/* .plural */ .L)(links.length, 'link')} on ${where}`;
}
/**
 * Revokes the links of one target that have expired, reached their download limit or grown older than
 * `max-age`; with `link-id` or `title`, just that link.
 */
async function enforceLimits(request, context) {
    const target = request.targets[0];
    const now = context.now();
    const client = context.client;
    const all = await (0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .listLinks */ .QA)(client, target);
    const single = request.linkId !== undefined || request.link.title !== undefined;
    let links = all;
    if (single) {
        const one = (0,_links_find_link_js__WEBPACK_IMPORTED_MODULE_4__/* .findLink */ .K)(all, { linkId: request.linkId, title: request.link.title });
        if (!one)
            throw new Error(`No ${(0,_links_change_link_js__WEBPACK_IMPORTED_MODULE_2__/* .linkSelector */ .Y5)(request)} on ${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)}`);
        links = [one];
    }
    const outcome = await (0,_links_enforce_js__WEBPACK_IMPORTED_MODULE_3__/* .enforceOnEntry */ .c)({
        target,
        label: (0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target),
        links,
        countedFiles: () => filesToCount(client, target)
    }, {
        client,
        counter: new _docspace_audit_js__WEBPACK_IMPORTED_MODULE_0__/* .DownloadCounter */ .lN(client),
        policy: (0,_links_enforce_js__WEBPACK_IMPORTED_MODULE_3__/* .limitPolicyOf */ .Z)(request, true),
        titlePattern: single ? undefined : request.policy.titlePattern,
        dryRun: request.dryRun,
        now,
        log: context.log,
        countAll: true
    });
    const notes = [...outcome.notes];
    if (outcome.uncounted) {
        notes.push(`${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)}: ${outcome.uncounted}`);
        context.log.warning(`${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTarget */ .ff)(target)}: ${outcome.uncounted}`);
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
var docspace_links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/links/enforce.ts + 1 modules
var enforce = __webpack_require__(3634);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/operations/sweep.ts







/** Pause when a 429 reaches the sweep without saying how long to wait. */
const RATE_LIMIT_PAUSE_MS = 1000;
/** How many times the sweep itself repeats a request the client gave up on after 429s. */
const RATE_LIMIT_ROUNDS = 3;
/** Folders deeper than this below a swept folder are not descended into. */
const MAX_DEPTH = 32;
// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label, error) {
    const message = (0,src_text/* messageOf */.b)(error);
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
        const links = entry.links ?? (await (0,docspace_links/* listLinks */.QA)(sweeper.client, entry.target));
        outcome = await (0,enforce/* enforceOnEntry */.c)({ ...entry, links }, { ...sweeper.settings, log });
    }
    catch (error) {
        report.failures.push(failureOf(entry.label, error));
        log.warning(`${entry.label} could not be swept: ${(0,src_text/* messageOf */.b)(error)}`);
        return;
    }
    report.links.push(...outcome.links);
    report.notes.push(...outcome.notes);
    report.failures.push(...outcome.failures);
    if (outcome.uncounted)
        report.uncounted.push({ reason: outcome.uncounted, label: entry.label });
}
async function sweepTarget(sweeper, target, root) {
    const label = (0,docspace_links/* describeTarget */.ff)(target);
    const report = { label, links: [], notes: [], failures: [], uncounted: [] };
    const log = new TargetLog();
    try {
        if (!claim(sweeper, target)) {
            log.info(`${label} was already swept with another target`);
            return report;
        }
        const links = await (0,docspace_links/* listLinks */.QA)(sweeper.client, target);
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
        log.warning(`${label} could not be swept: ${(0,src_text/* messageOf */.b)(error)}`);
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
            policy: (0,enforce/* limitPolicyOf */.Z)(request, false),
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
            label: (0,docspace_links/* describeTarget */.ff)(targets[i]),
            links: [],
            notes: [],
            failures: [failureOf((0,docspace_links/* describeTarget */.ff)(targets[i]), s.reason)],
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


/***/ }),

/***/ 1083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  anchorPattern: () => (/* binding */ anchorPattern),
  matchFiles: () => (/* binding */ matchFiles),
  runUpload: () => (/* binding */ runUpload),
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(2377);
// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/docspace/upload.ts






// Uploads to a DocSpace folder: the simple multipart upload for small files, the chunked upload session
// for the rest. Every body is streamed from disk, so memory does not grow with the file size.
const MiB = 1024 * 1024;
/** The server's `files:uploader:chunk-size` default; a larger chunk is refused. */
const MAX_CHUNK_SIZE = 10 * MiB;
/** Files up to this size go in one multipart request. */
const SIMPLE_UPLOAD_LIMIT = 10 * MiB;
// Large reads keep the number of stream round trips low; a few of them in flight is all the memory used.
const READ_SIZE = 256 * 1024;
// The form encoding browsers use for a file name: quotes and line breaks percent-encoded, the rest UTF-8.
function quotedFileName(name) {
    return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * A multipart/form-data body with one file part holding bytes [start, end) of a file on disk. Its length
 * is known in advance, so it goes out with a Content-Length instead of chunked transfer encoding.
 */
function multipartFile(field, file, range = { start: 0, end: file.size }) {
    const boundary = `----docspace-upload-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${field}"; filename="${quotedFileName(file.name)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n');
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const expected = range.end - range.start;
    async function* parts(onBytes) {
        yield head;
        let read = 0;
        if (expected > 0) {
            const stream = (0,external_node_fs_.createReadStream)(file.path, {
                start: range.start,
                end: range.end - 1,
                highWaterMark: READ_SIZE
            });
            for await (const chunk of stream) {
                read += chunk.length;
                onBytes(chunk.length);
                yield chunk;
            }
        }
        // A file that shrank under us would send a body shorter than its Content-Length.
        if (read !== expected) {
            throw new Error(`${file.name} changed while it was being uploaded (read ${read} of ${expected} bytes)`);
        }
        yield tail;
    }
    return {
        headers: {
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(head.length + expected + tail.length)
        },
        open: (onBytes = () => undefined) => external_node_stream_.Readable.from(parts(onBytes), { objectMode: false })
    };
}
function failed(file, error) {
    return new Error(`Uploading ${file.name} failed: ${(0,src_text/* messageOf */.b)(error)}`, { cause: error });
}
/**
 * `POST /api/2.0/files/{folderId}/upload`: one request, the reply is an array with one FileDto. Never
 * repeated on its own: a second copy of the file could be the result.
 */
async function uploadSimple(client, folderId, file, options) {
    const part = multipartFile('file', file);
    // Each copy of the body (a 307/308 redirect sends it again) reports its bytes from zero.
    const body = () => {
        let sent = 0;
        return part.open((count) => {
            sent += count;
            options.onProgress?.(sent, file.size);
        });
    };
    const { data } = await client.request('POST', `/api/2.0/files/${folderId}/upload`, {
        query: { createNewIfExist: options.createNewIfExist },
        body,
        headers: part.headers,
        retry: 'none'
    });
    const uploaded = Array.isArray(data) ? data[0] : data;
    if (!uploaded || typeof uploaded.id !== 'number') {
        throw new Error('the portal did not return the uploaded file');
    }
    return uploaded;
}
/**
 * The file an upload whose answer was lost left in the folder, judged against what the folder held
 * before: the file of that name, new or with a higher version, or with `createNewIfExist` a new file
 * whose title starts with the name's stem ("name (1).ext"); either way holding as many bytes as the upload.
 */
function storedUpload(file, before, after, createNewIfExist) {
    const earlier = new Map(before.map((f) => [f.id, f]));
    const dot = file.name.lastIndexOf('.');
    const stem = dot > 0 ? file.name.slice(0, dot) : file.name;
    const stored = after.filter((f) => {
        if (f.pureContentLength !== file.size)
            return false;
        const was = earlier.get(f.id);
        if (createNewIfExist)
            return was === undefined && f.title.startsWith(stem);
        return f.title === file.name && (was === undefined || (f.version ?? 1) > (was.version ?? 1));
    });
    // Should someone else have added a matching file meanwhile, the newest is the likelier one.
    return stored.sort((a, b) => b.id - a.id)[0];
}
function isAmbiguous(error) {
    return error instanceof errors/* DocSpaceError */.z && error.ambiguous;
}
// A lost answer may hide a stored file, so the folder is checked before the one further try.
async function uploadSimpleChecked(client, folderId, file, options) {
    try {
        return await uploadSimple(client, folderId, file, options);
    }
    catch (error) {
        if (!isAmbiguous(error) || !options.before)
            throw error;
        client.log.warning(`Uploading ${file.name} may or may not have worked (${error.message}); ` +
            'looking for it in the folder before trying again');
        const { files } = await (0,entries/* listFolder */.bt)(client, folderId);
        const stored = storedUpload(file, options.before, files, options.createNewIfExist);
        if (stored) {
            client.log.info(`${file.name} was stored by the first try, as file ${stored.id}`);
            return stored;
        }
        return uploadSimple(client, folderId, file, options);
    }
}
function isSession(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.location === 'string' &&
        typeof value.id === 'string');
}
/**
 * The session's `location` receives the file's bytes with the same credentials as the API, so it has to
 * be on the portal's own origin: a location elsewhere (a misconfigured proxy, a hostile server) is refused.
 */
function checkLocation(client, location) {
    const portal = new URL(client.connection.portalUrl);
    let url;
    try {
        url = new URL(location, portal);
    }
    catch {
        throw new Error('the upload session has no valid location');
    }
    if (url.origin !== portal.origin) {
        throw new Error(`the upload session points at ${url.origin}, not at the portal (${portal.origin}); ` +
            "refusing to send the file and the key there. Check the portal's public URL settings");
    }
    return url;
}
/**
 * `POST /api/2.0/files/{folderId}/upload/create_session`. A session leaves no file behind until its last
 * chunk arrives, so starting another one is harmless: the client repeats it like an idempotent write.
 */
async function createUploadSession(client, folderId, file, options) {
    const { data } = await client.request('POST', `/api/2.0/files/${folderId}/upload/create_session`, {
        json: {
            fileName: file.name,
            fileSize: file.size,
            createNewIfExist: options.createNewIfExist
        },
        retry: 'idempotent'
    });
    // create_session wraps the session as {success, data}; the newer /session endpoint returns it bare.
    const reply = data;
    if (reply?.success === false) {
        throw new Error(`the portal refused the upload session: ${reply.message || 'no reason given'}`);
    }
    const session = isSession(reply?.data) ? reply.data : isSession(data) ? data : undefined;
    if (!session)
        throw new Error('the portal did not return an upload session');
    checkLocation(client, session.location);
    return session;
}
function completedFile(reply) {
    const data = reply.data;
    if (!data || data.uploaded !== true)
        return undefined;
    if (data.file && typeof data.file.id === 'number')
        return data.file;
    if (typeof data.id !== 'number')
        return undefined;
    return { id: data.id, title: data.title ?? '', folderId: data.folderId, version: data.version };
}
/**
 * Sends the file to the session's location in order, one chunk per request; 201 completes it. A chunk is
 * never repeated: the portal would append it a second time.
 */
async function uploadChunks(client, session, file, options = {}) {
    const chunkSize = Math.min(options.chunkSize ?? MAX_CHUNK_SIZE, MAX_CHUNK_SIZE);
    if (!(chunkSize > 0))
        throw new Error(`the chunk size must be positive (got ${chunkSize})`);
    const location = checkLocation(client, session.location);
    // The path only: the query holds the upload id.
    const endpoint = `POST ${location.pathname}`;
    // At least one chunk, so that an empty file still completes the session.
    const chunks = Math.max(1, Math.ceil(file.size / chunkSize));
    for (let index = 0; index < chunks; index++) {
        const start = index * chunkSize;
        const end = Math.min(file.size, start + chunkSize);
        const part = multipartFile('file', file, { start, end });
        const body = () => {
            let sent = start;
            return part.open((count) => {
                sent += count;
                options.onProgress?.(sent, file.size);
            });
        };
        let reply;
        let status;
        try {
            ;
            ({ data: reply, status } = await client.request('POST', location.href, {
                body,
                headers: part.headers,
                expect: 'json',
                retry: 'none'
            }));
        }
        catch (error) {
            throw new Error(`chunk ${index + 1} of ${chunks}: ${(0,src_text/* messageOf */.b)(error)}`, { cause: error });
        }
        // The legacy handler refuses a chunk with HTTP 200 and `success: false`.
        if (!reply || reply.success !== true) {
            const verdict = reply?.success === false ? 'with success: false' : 'without success: true';
            const said = reply?.message
                ? `the portal said: ${reply.message}`
                : 'the portal gave no reason';
            throw new Error(`${endpoint}: HTTP ${status} ${verdict} for chunk ${index + 1} of ${chunks} (${said})`);
        }
        const done = completedFile(reply);
        const last = index === chunks - 1;
        if (done || status === 201) {
            if (!last) {
                throw new Error(`the portal completed the file after chunk ${index + 1} of ${chunks}`);
            }
            if (!done)
                throw new Error('the portal completed the upload but did not return the file');
            return done;
        }
        if (last) {
            throw new Error(`the portal did not confirm the file after its last chunk (HTTP ${status})`);
        }
    }
    // Unreachable: the loop returns or throws on its last chunk.
    throw new Error('no chunk was sent');
}
// Past the client's own retries, a session whose answer was lost is replaced by one more, once.
async function startSession(client, folderId, file, options) {
    try {
        return await createUploadSession(client, folderId, file, options);
    }
    catch (error) {
        if (!isAmbiguous(error))
            throw error;
        client.log.warning(`Starting the upload session of ${file.name} may or may not have worked (${error.message}); ` +
            'starting another one');
        return createUploadSession(client, folderId, file, options);
    }
}
/**
 * Uploads one file: simple upload up to `simpleLimit`, a chunked session above it. An upload whose answer
 * was lost is looked for in the folder (see `before`) and sent once more only when it is not there.
 */
async function uploadFile(client, folderId, file, options) {
    try {
        if (file.size <= (options.simpleLimit ?? SIMPLE_UPLOAD_LIMIT)) {
            return await uploadSimpleChecked(client, folderId, file, options);
        }
        const session = await startSession(client, folderId, file, options);
        return await uploadChunks(client, session, file, options);
    }
    catch (error) {
        throw failed(file, error);
    }
}

;// CONCATENATED MODULE: ./src/github/event.ts

function event_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function repositoryOf(env, payload) {
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (owner && repo && rest.length === 0)
        return { owner, repo };
    const name = event_text(payload.repository?.name);
    const login = event_text(payload.repository?.owner?.login);
    return name && login ? { owner: login, repo: name } : undefined;
}
function releaseOf(eventName, payload) {
    if (eventName !== 'release')
        return undefined;
    const release = payload.release;
    const tagName = event_text(release?.tag_name);
    if (typeof release?.id !== 'number' || !Number.isSafeInteger(release.id) || !tagName)
        return undefined;
    return { id: release.id, tagName, name: event_text(release.name), htmlUrl: event_text(release.html_url) };
}
/** The run as described by an already parsed payload. */
function gitHubRunOf(env, payload) {
    const event = (typeof payload === 'object' && payload !== null ? payload : {});
    const eventName = event_text(env.GITHUB_EVENT_NAME);
    return {
        eventName,
        repository: repositoryOf(env, event),
        release: releaseOf(eventName, event),
        apiUrl: (event_text(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, '')
    };
}
/** Reads GITHUB_EVENT_PATH (when set) and the GITHUB_* variables. */
async function loadGitHubRun(env = process.env) {
    const path = event_text(env.GITHUB_EVENT_PATH);
    let payload = {};
    if (path) {
        let raw;
        try {
            raw = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (error) {
            // Outside Actions (a local run) the variable may point nowhere; the run just has no event then.
            if (error.code === 'ENOENT')
                return gitHubRunOf(env, {});
            throw error;
        }
        try {
            payload = JSON.parse(raw);
        }
        catch {
            throw new Error('The event payload (GITHUB_EVENT_PATH) is not valid JSON');
        }
    }
    return gitHubRunOf(env, payload);
}
/** The default link title on a release: `<repo> <tag>`. */
function releaseLinkTitle(run) {
    if (!run.release)
        return undefined;
    return run.repository ? `${run.repository.repo} ${run.release.tagName}` : run.release.tagName;
}

// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 19 modules
var src = __webpack_require__(4615);
// EXTERNAL MODULE: ./src/docspace/proxy.ts + 1 modules
var proxy = __webpack_require__(4211);
;// CONCATENATED MODULE: ./src/github/release-notes.ts


// The section of the release notes that lists the uploaded files. It sits between two HTML comments (not
// shown on GitHub) so that a re-run replaces it instead of adding another one.
const SECTION_START = '<!-- docspace-share-links:start -->';
const SECTION_END = '<!-- docspace-share-links:end -->';
/** GitHub refuses release bodies longer than this. */
const MAX_RELEASE_BODY = 125_000;
// Backslash escapes work on every ASCII punctuation character in Markdown; escaping them all keeps a
// file name from opening a link, a table cell or an HTML tag.
function markdownText(text) {
    return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
function markdownUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
/** The marked section: a heading and a table of the files with their links. */
function renderReleaseSection(entries, heading = 'Downloads') {
    const rows = entries.map((entry) => {
        const url = markdownUrl(entry.shareUrl);
        const name = markdownText(entry.file);
        const file = url ? `[${name}](${url})` : name;
        const expires = !url ? '' : entry.expiresAt ? entry.expiresAt : 'never';
        const note = url && entry.hasPassword ? ' (password required)' : '';
        return `| ${file}${note} | ${formatSize(entry.size)} | ${expires} |`;
    });
    return [
        SECTION_START,
        `### ${markdownText(heading)}`,
        '',
        '| File | Size | Link expires |',
        '| --- | --- | --- |',
        ...rows,
        SECTION_END
    ].join('\n');
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A start marker counts only with an end marker after it and no other start in between, so a marker
// the author deleted by hand never makes the replacement swallow their own text.
const SECTION = new RegExp(`${escapeRegExp(SECTION_START)}(?:(?!${escapeRegExp(SECTION_START)})[\\s\\S])*?${escapeRegExp(SECTION_END)}`, 'g');
/**
 * The body with `section` in place of the section added before (the first one; any further copies are
 * removed), or appended after a blank line when there is none. Applying it twice changes nothing more.
 */
function replaceSection(body, section) {
    const text = body ?? '';
    const first = new RegExp(SECTION.source).exec(text);
    if (!first) {
        const kept = text.trimEnd();
        return kept === '' ? section : `${kept}\n\n${section}`;
    }
    const before = text.slice(0, first.index);
    const after = text.slice(first.index + first[0].length).replace(SECTION, '');
    return `${before}${section}${after}`;
}
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
async function githubRequest(update, method, body) {
    const { owner, repo } = update.repository;
    const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases/${update.releaseId}`;
    const endpoint = `${method} ${path}`;
    const attempts = Math.max(1, update.attempts ?? 3);
    const url = `${update.apiUrl}${path}`;
    // Self-hosted runners behind a proxy reach GitHub the same way as the portal: HTTPS_PROXY / NO_PROXY.
    const route = await (0,proxy/* proxyRouteFor */.VH)(new URL(url));
    for (let attempt = 1;; attempt++) {
        let status;
        let text;
        try {
            const res = await (0,src/* default */.Ay)(url, {
                method,
                agent: route?.agent,
                headers: {
                    Accept: 'application/vnd.github+json',
                    Authorization: `Bearer ${update.token}`,
                    'X-GitHub-Api-Version': '2022-11-28',
                    'User-Agent': 'docspace-share-links-action',
                    ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                redirect: 'error',
                signal: AbortSignal.timeout(update.timeoutMs ?? 30_000)
            });
            status = res.status;
            text = await res.text();
        }
        catch (error) {
            if (attempt < attempts) {
                await delay(attempt);
                continue;
            }
            const reason = error instanceof Error ? error.message : String(error);
            throw new Error(`${endpoint} on the GitHub API failed: ${reason}`, { cause: error });
        }
        if (status >= 200 && status < 300) {
            try {
                return JSON.parse(text);
            }
            catch {
                throw new Error(`${endpoint} on the GitHub API answered HTTP ${status} with a body that is not JSON`);
            }
        }
        if (RETRY_STATUS.has(status) && attempt < attempts) {
            await delay(attempt);
            continue;
        }
        throw new Error(`${endpoint} on the GitHub API answered HTTP ${status}${githubMessage(text)}${hint(status)}`);
    }
}
function delay(attempt) {
    return new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
}
function githubMessage(text) {
    try {
        const message = JSON.parse(text).message;
        return typeof message === 'string' && message ? ` (${message.slice(0, 200)})` : '';
    }
    catch {
        return '';
    }
}
function hint(status) {
    if (status === 401)
        return ': `github-token` was not accepted';
    if (status === 403 || status === 404) {
        return ': `github-token` needs `contents: write` on this repository (`permissions: contents: write`)';
    }
    return '';
}
/**
 * Reads the release by id (the event payload holds the body as it was when the run started, so a
 * re-run must not trust it) and writes the body back with the section replaced. Returns whether the
 * body changed.
 */
async function updateReleaseNotes(update) {
    const release = await githubRequest(update, 'GET');
    const current = release.body ?? '';
    const next = replaceSection(current, update.section);
    if (next === current)
        return false;
    if (next.length > MAX_RELEASE_BODY) {
        throw new Error(`The release notes with the links would be ${next.length} characters long; GitHub allows ${MAX_RELEASE_BODY}`);
    }
    await githubRequest(update, 'PATCH', { body: next });
    return true;
}

// EXTERNAL MODULE: ./src/links/link-state.ts
var link_state = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/links/share-link.ts
var share_link = __webpack_require__(8703);
// EXTERNAL MODULE: ./src/links/create-link.ts
var create_link = __webpack_require__(1690);
;// CONCATENATED MODULE: ./src/operations/upload.ts














const upload_MiB = 1024 * 1024;
/** Files above this size log their progress. */
const PROGRESS_THRESHOLD = 50 * upload_MiB;
const PROGRESS_STEP = 10;
async function upload(request, context) {
    return runUpload(request, context, {
        workspace: request.runner.workspace,
        github: await loadGitHubRun(request.runner.github)
    });
}
// The escaping @actions/glob applies to the working directory it roots relative patterns at.
function globEscape(text) {
    return (process.platform === 'win32' ? text : text.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/** Roots a relative pattern at the workspace, keeping any `!` negation in front. */
function anchorPattern(pattern, workspace) {
    const negation = /^!*/.exec(pattern)?.[0] ?? '';
    const rest = pattern.slice(negation.length);
    if (rest === '' || external_node_path_default().isAbsolute(rest) || rest === '~' || rest.startsWith('~/'))
        return pattern;
    return `${negation}${globEscape(workspace.replace(/[\\/]+$/, ''))}${(external_node_path_default()).sep}${rest}`;
}
/** The files the patterns match, sorted by path. Two files with the same name are an error. */
async function matchFiles(patterns, workspace) {
    const lines = patterns.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'));
    if (lines.length === 0)
        return [];
    const globber = await glob/* create */.v(lines.map((p) => anchorPattern(p, workspace)).join('\n'), {
        matchDirectories: false,
        // Files land side by side in one folder, so a folder pattern does not pull in its whole tree.
        implicitDescendants: false
    });
    const paths = [...new Set(await globber.glob())].sort();
    const files = [];
    for (const file of paths) {
        const info = await (0,promises_.stat)(file);
        if (info.isFile())
            files.push({ path: file, name: external_node_path_default().basename(file), size: info.size });
    }
    const byName = new Map();
    for (const file of files)
        byName.set(file.name, [...(byName.get(file.name) ?? []), file.path]);
    for (const [name, same] of byName) {
        if (same.length > 1) {
            const shown = same.map((p) => external_node_path_default().relative(workspace, p)).join(', ');
            throw new Error(`Input \`files\` matches ${same.length} files named ${name} (${shown}); they would replace ` +
                'each other in the same folder: narrow the patterns or upload them in separate steps');
        }
    }
    return files;
}
// A pattern that names a folder matches nothing (only files are uploaded): say how to get its files.
async function folderHint(patterns, workspace) {
    for (const pattern of patterns.map((p) => p.trim())) {
        if (pattern === '' || /[*?[\]!#]/.test(pattern))
            continue;
        const info = await (0,promises_.stat)(external_node_path_default().resolve(workspace, pattern)).catch(() => undefined);
        if (info?.isDirectory()) {
            const base = pattern.replace(/[\\/]+$/, '');
            return ` (\`${base}\` is a folder: use \`${base}/*\` for its files, \`${base}/**\` for its subfolders too)`;
        }
    }
    return '';
}
// DocSpace replaces characters it does not allow in titles; a folder made from such a name is found
// again under its stored title, so a re-run does not create a second one.
function storedTitle(name) {
    return name.replace(/[\\/:*?"<>|]/g, '_').trim();
}
function findSubfolder(folders, name) {
    const matches = folders.filter((f) => f.title === name || f.title === storedTitle(name));
    // With duplicates made by hand, the oldest (lowest id) is the stable choice.
    return matches.sort((a, b) => a.id - b.id)[0];
}
async function resolveDestination(request, context, target) {
    const base = (0,links/* describeTarget */.ff)(target);
    const container = await (0,entries/* getFolder */.L2)(context.client, target).catch((error) => {
        if (error instanceof errors/* DocSpaceError */.z && error.kind === 'not-found') {
            throw new Error(`The ${base} to upload into was not found on the portal: check \`${target.kind}-id\` ` +
                "(the key's user may also lack access to it)", { cause: error });
        }
        throw error;
    });
    const name = request.upload.subfolder;
    const label = `${base} "${container.title}"`;
    if (name === undefined)
        return { folderId: target.id, label, created: false };
    const sublabel = `${label} / "${name}"`;
    const existing = findSubfolder((await (0,entries/* listFolder */.bt)(context.client, target.id)).folders, name);
    if (existing)
        return { folderId: existing.id, label: sublabel, created: false };
    if (request.dryRun)
        return { label: sublabel, created: false };
    try {
        const folder = await (0,entries/* createFolder */.vV)(context.client, target.id, name);
        context.log.info(`Created folder "${folder.title}" (${folder.id}) in ${base}`);
        return { folderId: folder.id, label: sublabel, created: true };
    }
    catch (error) {
        // The answer was lost: the folder may exist now, and creating it again would make a duplicate.
        if (!(error instanceof errors/* DocSpaceError */.z) || !error.ambiguous)
            throw error;
        const found = findSubfolder((await (0,entries/* listFolder */.bt)(context.client, target.id)).folders, name);
        if (!found)
            throw error;
        return { folderId: found.id, label: sublabel, created: true };
    }
}
function linkTitle(request, github, file) {
    return request.link.title ?? releaseLinkTitle(github) ?? file.name;
}
/** The request createLink gets for one uploaded file. */
function fileLinkRequest(request, fileId, title) {
    return { ...request, targets: [{ kind: 'file', id: fileId }], link: { ...request.link, title } };
}
function mib(bytes) {
    return (bytes / upload_MiB).toFixed(1);
}
/** Logs each 10 % milestone of a large file; small files upload too fast for progress to mean much. */
function progressLogger(context, file) {
    if (file.size <= PROGRESS_THRESHOLD)
        return undefined;
    let next = PROGRESS_STEP;
    return (sent, total) => {
        const percent = Math.floor((sent * 100) / total);
        if (percent < next)
            return;
        // A read may cross a milestone by a little: the line names the milestone and the real byte count.
        const milestone = Math.floor(percent / PROGRESS_STEP) * PROGRESS_STEP;
        context.log.info(`${file.name}: ${milestone}% (${mib(sent)} of ${mib(total)} MiB)`);
        next = milestone + PROGRESS_STEP;
    };
}
// The `links` entry of a file uploaded without a link.
function bareEntry(file, uploaded) {
    return {
        ...(0,share_link/* blankShareLink */.gz)(file.name),
        linkId: '',
        file: file.name,
        fileId: uploaded.id,
        size: file.size,
        version: uploaded.version
    };
}
function linkedEntry(file, fileId, link, action, version) {
    return { ...link, linkId: link.id, action, file: file.name, fileId, size: file.size, version };
}
async function dryRun(request, context, env, files, destination) {
    const notes = [];
    if (destination.folderId === undefined) {
        notes.push(`Would create the folder "${request.upload.subfolder}" in ${destination.label}.`);
    }
    const present = destination.folderId === undefined
        ? []
        : (await (0,entries/* listFolder */.bt)(context.client, destination.folderId)).files;
    const links = [];
    for (const file of files) {
        const same = present.find((f) => f.title === file.name);
        const replaces = same !== undefined && request.upload.overwrite;
        notes.push(replaces
            ? `Would upload ${file.name} (${formatSize(file.size)}) as a new version of file ${same.id}.`
            : `Would upload ${file.name} (${formatSize(file.size)}) as a new file` +
                (same ? ` next to file ${same.id} of the same name.` : '.'));
        if (!request.upload.createLinks)
            continue;
        const title = linkTitle(request, env.github, file);
        if (replaces) {
            // The file keeps its id, so its links are real and createLink can say what it would do to them.
            const result = await (0,create_link/* createLink */.d)(fileLinkRequest(request, same.id, title), context);
            const preview = result.links[0];
            links.push(linkedEntry(file, same.id, preview, preview.action));
        }
        else {
            const preview = (0,link_state/* previewShareLink */.U_)((0,create_link/* requestedLinkState */.SA)(fileLinkRequest(request, 0, title), context.now()));
            links.push(linkedEntry(file, 0, preview, 'would-create'));
        }
    }
    if (request.upload.releaseNotes) {
        notes.push(env.github.release
            ? `Would add the links to the notes of release ${env.github.release.tagName}.`
            : 'Would leave the release notes alone: this run was not triggered by a release.');
    }
    return {
        operation: request.operation,
        dryRun: true,
        headline: `Would upload ${(0,src_text/* plural */.L)(files.length, 'file')} to ${destination.label}`,
        link: links[0],
        links,
        revoked: false,
        notes
    };
}
async function runUpload(request, context, env) {
    const target = request.targets[0];
    if (!target || target.kind === 'file') {
        throw new Error('`upload` puts files into a folder or room: give `folder-id` or `room-id`');
    }
    const settings = request.upload;
    const notes = [];
    const release = env.github.release;
    if (settings.releaseNotes) {
        if (!settings.githubToken) {
            throw new Error('Input `github-token` is required with `release-notes: true`');
        }
        if (release && !env.github.repository) {
            throw new Error('`release-notes`: the repository of this run is unknown (GITHUB_REPOSITORY is not set)');
        }
        if (!release) {
            const note = `\`release-notes\` is on, but this run was triggered by ${env.github.eventName ? `a \`${env.github.eventName}\` event` : 'no event'}, not by a release: the release notes are left alone.`;
            context.log.warning(note);
            notes.push(note);
        }
    }
    const files = await matchFiles(settings.files, env.workspace);
    if (files.length === 0) {
        const message = `No files match \`files\` (${settings.files.join(', ')}) in ${env.workspace}` +
            (await folderHint(settings.files, env.workspace));
        if (settings.ifNoFilesFound === 'error') {
            throw new Error(`${message}; set \`if-no-files-found: warn\` or \`ignore\` to allow this`);
        }
        if (settings.ifNoFilesFound === 'warn')
            context.log.warning(message);
        else
            context.log.info(message);
        return {
            operation: request.operation,
            dryRun: request.dryRun,
            headline: 'No files to upload',
            links: [],
            revoked: false,
            notes: [...notes, message]
        };
    }
    const total = files.reduce((sum, f) => sum + f.size, 0);
    context.log.info(`${(0,src_text/* plural */.L)(files.length, 'file')} to upload (${formatSize(total)}): ${files.map((f) => f.name).join(', ')}`);
    const destination = await resolveDestination(request, context, target);
    if (request.dryRun) {
        const result = await dryRun(request, context, env, files, destination);
        return { ...result, notes: [...notes, ...(result.notes ?? [])] };
    }
    const folderId = destination.folderId;
    if (destination.created)
        notes.push(`Created the folder "${settings.subfolder}".`);
    // What the folder holds before each upload: after a lost answer it tells whether the upload took effect.
    let present = destination.created ? [] : (await (0,entries/* listFolder */.bt)(context.client, folderId)).files;
    const links = [];
    const failures = [];
    for (const [index, file] of files.entries()) {
        let uploaded;
        const started = external_node_perf_hooks_.performance.now();
        try {
            uploaded = await uploadFile(context.client, folderId, file, {
                createNewIfExist: !settings.overwrite,
                chunkSize: env.chunkSize,
                simpleLimit: env.simpleLimit,
                onProgress: progressLogger(context, file),
                before: present
            });
        }
        catch (error) {
            failures.push((0,src_text/* messageOf */.b)(error));
            const skipped = files.slice(index + 1).map((f) => f.name);
            if (skipped.length > 0)
                notes.push(`Not uploaded after the failure: ${skipped.join(', ')}.`);
            break;
        }
        present = [...present.filter((f) => f.id !== uploaded.id), uploaded];
        const seconds = (external_node_perf_hooks_.performance.now() - started) / 1000;
        // A rate means little for small files, which are mostly request overhead.
        const rate = seconds > 0 && file.size >= upload_MiB ? ` at ${mib(file.size / seconds)} MiB/s` : '';
        const version = uploaded.version ?? 1;
        const how = version > 1
            ? `as version ${version} of file ${uploaded.id}`
            : `as file ${uploaded.id}${uploaded.title && uploaded.title !== file.name ? ` "${uploaded.title}"` : ''}`;
        context.log.info(`Uploaded ${file.name} (${formatSize(file.size)}) ${how} in ${seconds.toFixed(1)} s${rate}`);
        if (uploaded.title && uploaded.title !== file.name) {
            notes.push(`${file.name} is stored as "${uploaded.title}": a file of that name was already there.`);
        }
        if (!settings.createLinks) {
            links.push(bareEntry(file, uploaded));
            continue;
        }
        try {
            const title = linkTitle(request, env.github, file);
            const result = await (0,create_link/* createLink */.d)(fileLinkRequest(request, uploaded.id, title), context);
            const link = result.link ?? result.links[0];
            if (!link)
                throw new Error(`no link came back for file ${uploaded.id}`);
            links.push(linkedEntry(file, uploaded.id, link, result.links[0]?.action, uploaded.version));
        }
        catch (error) {
            failures.push(`Sharing ${file.name} (file ${uploaded.id}) failed: ${(0,src_text/* messageOf */.b)(error)}`);
            links.push(bareEntry(file, uploaded));
            break;
        }
    }
    if (settings.releaseNotes && release && env.github.repository) {
        if (failures.length > 0) {
            notes.push('The release notes were left alone because not every file was uploaded and shared.');
        }
        else {
            const entries = links.map((l) => ({
                file: l.file,
                size: l.size,
                shareUrl: l.shareUrl,
                expiresAt: l.expiresAt,
                hasPassword: l.hasPassword
            }));
            try {
                const changed = await updateReleaseNotes({
                    apiUrl: env.github.apiUrl,
                    token: settings.githubToken,
                    repository: env.github.repository,
                    releaseId: release.id,
                    section: renderReleaseSection(entries),
                    timeoutMs: request.connection.requestTimeoutMs
                });
                const what = changed ? 'Added the links to' : 'The links were already in';
                notes.push(`${what} the notes of release ${release.tagName}.`);
                context.log.info(`${what} the notes of release ${release.tagName}`);
            }
            catch (error) {
                failures.push(`Updating the notes of release ${release.tagName} failed: ${(0,src_text/* messageOf */.b)(error)}`);
            }
        }
    }
    const done = links.length;
    const where = `${(0,src_text/* plural */.L)(done, 'file')}${done < files.length ? ` of ${files.length}` : ''} to ${destination.label}`;
    return {
        operation: request.operation,
        dryRun: false,
        headline: `Uploaded ${where}${settings.createLinks && done > 0 ? ' with share links' : ''}`,
        link: settings.createLinks ? links.find((l) => l.id !== '') : undefined,
        links,
        revoked: false,
        failures: failures.length > 0 ? failures : undefined,
        notes
    };
}


/***/ })

};
