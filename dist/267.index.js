export const id = 267;
export const ids = [267];
export const modules = {

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oz: () => (/* binding */ AUDIT_NOT_IN_PLAN_MESSAGE),
/* harmony export */   WU: () => (/* binding */ AuditAccessError),
/* harmony export */   Xf: () => (/* binding */ UNFILTERED_PAGE),
/* harmony export */   Xz: () => (/* binding */ AUDIT_IGNORED_MESSAGE),
/* harmony export */   ZW: () => (/* binding */ DOWNLOAD_ACTION_IDS),
/* harmony export */   ii: () => (/* binding */ downloadsSince),
/* harmony export */   jU: () => (/* binding */ AUDIT_FILTER_PATH),
/* harmony export */   lN: () => (/* binding */ DownloadCounter),
/* harmony export */   n1: () => (/* binding */ ACTION_TYPE_DOWNLOAD),
/* harmony export */   ns: () => (/* binding */ auditPage)
/* harmony export */ });
/* unused harmony exports AUDIT_FORBIDDEN_MESSAGE, fileDownloads */
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

/***/ 752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   DW: () => (/* binding */ fileTree),
/* harmony export */   Jb: () => (/* binding */ fileIdsUnder),
/* harmony export */   mz: () => (/* binding */ filesUnder),
/* harmony export */   uT: () => (/* binding */ listFolders)
/* harmony export */ });
/* unused harmony export PAGE_SIZE */
/* harmony import */ var _entries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4532);
/* harmony import */ var _portal_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8125);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1222);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9792);




const PAGE_SIZE = 100;
/** 10,000 pages of 100: a million entries under one root, far beyond any portal worth sweeping. */
const MAX_PAGES = 10_000;
/** Passes over a list that keeps changing while it is read, before it is taken as it is. */
const MAX_PASSES = 3;
/** Listing pages asked for at once; the client's pool and pacing bound them further. */
const WAVE = 8;
const FILTER_FILES_ONLY = 1;
const FILTER_FOLDERS_ONLY = 2;
/**
 * Every item of an offset-paged list, each once by id, read with the bounded, de-duplicating pager:
 * pages a wave at a time, a repeated page, a page of nothing new, a `total` the pages do not bear out and
 * the page bound each end the listing with a note (a warning and a line in the summary). A pass is
 * trusted when every page reported the same total and at least that many distinct items came; otherwise
 * the list is read again, a bounded number of times.
 */
async function pageAll(client, label, fetchPage) {
    const byId = new Map();
    let pages = 0;
    let current;
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
        const listed = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_3__/* .readPages */ .n)({
            label,
            pageSize: PAGE_SIZE,
            maxPages: MAX_PAGES,
            concurrency: WAVE,
            idOf: (item) => item.id,
            fetch: async (startIndex) => {
                const page = await fetchPage(startIndex);
                current ??= page.current;
                return page;
            }
        });
        pages += listed.pages;
        for (const item of listed.items)
            if (!byId.has(item.id))
                byId.set(item.id, item);
        if (listed.note) {
            client.findings.note(listed.note);
            return { items: [...byId.values()], current, pages, unsettled: !listed.complete };
        }
        if (listed.settled)
            return { items: [...byId.values()], current, pages, unsettled: false };
    }
    return { items: [...byId.values()], current, pages, unsettled: true };
}
function query(filterType, recursive, startIndex) {
    return {
        filterType,
        withSubFolders: recursive,
        // Saved as the key's user's default order in the web UI: the server offers no way to sort without.
        sortBy: 'DateAndTimeCreation',
        sortOrder: 'ascending',
        count: PAGE_SIZE,
        startIndex
    };
}
/** One page of a subtree listing; entries of the wrong shape are reported and left out. */
async function contentPage(client, folderId, filterType, recursive, startIndex) {
    const path = `/api/2.0/files/${folderId}`;
    const endpoint = `GET ${path}`;
    const { data } = await client.request('GET', path, {
        query: query(filterType, recursive, startIndex),
        retry: 'read'
    });
    if (data === undefined || data === null)
        return { items: [] };
    if (!(0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(data))
        throw (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .shapeError */ .cn)(endpoint, 'response', 'an object', data);
    const field = filterType === FILTER_FILES_ONLY ? 'files' : 'folders';
    const check = filterType === FILTER_FILES_ONLY ? _shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .checkFile */ .vH : _shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .checkFolder */ .p$;
    const items = [];
    (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .listAt */ .gT)(data[field], endpoint, `response.${field}`).forEach((raw, i) => {
        const checked = check(raw, `response.${field}[${i}]`);
        if (checked.ok)
            items.push(checked.value);
        else
            client.findings.problem((0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .entryProblem */ .qH)(endpoint, checked, 'that entry was left out'));
    });
    const current = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_2__/* .checkFolder */ .p$)(data.current, 'response.current');
    return {
        items,
        total: typeof data.total === 'number' ? data.total : undefined,
        current: current.ok ? current.value : undefined
    };
}
// v3.5 and v3.6 ignore `withSubFolders: false` and always list the subtree: a listing of the direct
// entries keeps only those whose parent is the folder listed.
function direct(listing, parentOf, id) {
    return {
        ...listing,
        items: listing.items.filter((item) => {
            const parent = parentOf(item);
            return parent === undefined || parent === id;
        })
    };
}
/** Every file in a folder or room; with `recursive`, in all of its subfolders too. */
async function listFiles(client, folderId, recursive) {
    const listing = await pageAll(client, `the contents of folder ${folderId}`, (start) => contentPage(client, folderId, FILTER_FILES_ONLY, recursive, start));
    return recursive ? listing : direct(listing, (f) => f.folderId, folderId);
}
/** Every folder below a folder or room (not itself); with `recursive` false, the direct ones only. */
async function listFolders(client, folderId, recursive) {
    const listing = await pageAll(client, `the folders below folder ${folderId}`, (start) => contentPage(client, folderId, FILTER_FOLDERS_ONLY, recursive, start));
    return recursive ? listing : direct(listing, (f) => f.parentId, folderId);
}
function fileTree(files, folders) {
    const filesIn = new Map();
    const foldersIn = new Map();
    const add = (map, key, id) => {
        if (key === undefined)
            return;
        const list = map.get(key);
        if (list)
            list.push(id);
        else
            map.set(key, [id]);
    };
    for (const f of files)
        add(filesIn, f.folderId, f.id);
    for (const f of folders)
        add(foldersIn, f.parentId, f.id);
    return { filesIn, foldersIn };
}
/** The files directly in `folderId`, or with `recursive` anywhere below it, from a listed tree. */
function filesUnder(tree, folderId, recursive) {
    if (!recursive)
        return tree.filesIn.get(folderId) ?? [];
    const out = [];
    const seen = new Set([folderId]);
    const queue = [folderId];
    // Bounded by the folders listed: each is visited once.
    while (queue.length > 0) {
        const id = queue.pop();
        out.push(...(tree.filesIn.get(id) ?? []));
        for (const child of tree.foldersIn.get(id) ?? []) {
            if (seen.has(child))
                continue;
            seen.add(child);
            queue.push(child);
        }
    }
    return out;
}
/** Folders deeper than this below the folder listed are not descended into by the full walk. */
const MAX_WALK_DEPTH = 32;
/**
 * The ids of the files in a folder or room, with `recursive` of all the files below it: one paged list
 * on portals whose listings recurse (3.5 and later), else folder by folder.
 */
async function fileIdsUnder(client, folderId, recursive) {
    if (!recursive)
        return (await listFiles(client, folderId, false)).items.map((f) => f.id);
    const version = (0,_portal_version_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersion */ .ot)(await (0,_portal_version_js__WEBPACK_IMPORTED_MODULE_1__/* .docSpaceVersion */ .ZJ)(client));
    if (version && (0,_portal_version_js__WEBPACK_IMPORTED_MODULE_1__/* .versionAtLeast */ .zy)(version, _portal_version_js__WEBPACK_IMPORTED_MODULE_1__/* .SHARED_FLAG_VERSION */ .uI)) {
        return (await listFiles(client, folderId, true)).items.map((f) => f.id);
    }
    const ids = [];
    const seen = new Set([folderId]);
    let level = [folderId];
    for (let depth = 0; depth <= MAX_WALK_DEPTH && level.length > 0; depth++) {
        const contents = await Promise.all(level.map((id) => (0,_entries_js__WEBPACK_IMPORTED_MODULE_0__/* .listFolder */ .bt)(client, id)));
        level = [];
        for (const { files, folders } of contents) {
            ids.push(...files.map((f) => f.id));
            for (const f of folders) {
                if (seen.has(f.id))
                    continue;
                seen.add(f.id);
                level.push(f.id);
            }
        }
    }
    return ids;
}


/***/ }),

/***/ 8125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZJ: () => (/* binding */ docSpaceVersion),
/* harmony export */   ot: () => (/* binding */ parseVersion),
/* harmony export */   uI: () => (/* binding */ SHARED_FLAG_VERSION),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony export VERSION_PATH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8653);

const VERSION_PATH = '/api/2.0/settings/version/build';
/** `3.7.2.0` → [3, 7, 2, 0]; undefined when it is not a version. */
function parseVersion(text) {
    if (typeof text !== 'string' || !/^\d+(\.\d+){0,3}$/.test(text.trim()))
        return undefined;
    return text.trim().split('.').map(Number);
}
function versionAtLeast(version, minimum) {
    for (let i = 0; i < minimum.length; i++) {
        const part = version[i] ?? 0;
        if (part !== minimum[i])
            return part > minimum[i];
    }
    return true;
}
/** The first version whose listings mark every shared entry. */
const SHARED_FLAG_VERSION = [3, 5];
/**
 * The portal's version (`docSpace` of `settings/version/build`), or undefined when the portal does not
 * say (an older server, a proxy that blocks the path). Errors other than "not there" are thrown.
 */
async function docSpaceVersion(client) {
    try {
        const { data } = await client.request('GET', VERSION_PATH, { retry: 'read' });
        return parseVersion(data?.docSpace) ? data?.docSpace?.trim() : undefined;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DocSpaceError */ .z &&
            (error.kind === 'not-found' || error.kind === 'forbidden' || error.kind === 'bad-response')) {
            return undefined;
        }
        throw error;
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
  limitPolicyOf: () => (/* binding */ limitPolicyOf),
  linksNeedingCount: () => (/* binding */ linksNeedingCount)
});

// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/listing.ts
var listing = __webpack_require__(752);
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
/** The selected links whose decision needs a download count (the ones enforceOnEntry counts for). */
function linksNeedingCount(links, settings) {
    return links
        .map((dto) => (0,share_link/* toShareLink */.Lo)(dto, settings.now))
        .filter((link) => titleSelected(link, settings.titlePattern) && wantsCount(link, settings));
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
// Downloads of the files directly inside a folder or room (with `recursive`, of all the files below it)
// count for its links; a file counts for itself.
async function filesToCount(client, target, recursive) {
    if (target.kind === 'file')
        return [target.id];
    return (0,listing/* fileIdsUnder */.Jb)(client, target.id, recursive);
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
        countedFiles: () => filesToCount(client, target, request.policy.recursive)
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
        notes.push(`Downloads of a ${target.kind} link are the downloads of the files ` +
            `${request.policy.recursive ? 'anywhere below' : 'directly inside'} it, whichever link or user ` +
            'they came through.');
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


/***/ })

};
