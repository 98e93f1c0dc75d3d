export const id = 453;
export const ids = [453];
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
/* harmony import */ var _time_iso_date_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(153);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8653);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9792);
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
            from: since ? (0,_time_iso_date_js__WEBPACK_IMPORTED_MODULE_2__/* .isoUtc */ .u8)(since) : undefined,
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
        return (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .listAt */ .gT)(data, endpoint, 'response').map((raw, i) => {
            const checked = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .checkAuditEvent */ .uF)(raw, `response[${i}]`);
            if (!checked.ok) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DocSpaceError */ .z('bad-response', endpoint, (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .entryProblem */ .qH)(endpoint, checked, 'downloads cannot be counted'));
            }
            return checked.value;
        });
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
const IN_FLIGHT = 8;
const FILTER_FILES_ONLY = 1;
const FILTER_FOLDERS_ONLY = 2;
/**
 * Every item of an offset-paged list, each once by id, read with the bounded, de-duplicating pager (up
 * to eight pages in flight once the total is known): a repeated page, a page of nothing new, a `total` the
 * pages do not bear out and the page bound each end the listing with a note (a warning and a line in the summary). A pass is
 * trusted when every page reported the same total and at least that many distinct items came; otherwise
 * the list is read again, a bounded number of times.
 */
async function pageAll(client, label, fetchPage, onItems) {
    const byId = new Map();
    // Entries are handed on once, as their page comes, whichever pass brought them.
    const announce = (items) => {
        const fresh = items.filter((item) => !byId.has(item.id));
        for (const item of fresh)
            byId.set(item.id, item);
        if (fresh.length > 0)
            onItems?.(fresh);
    };
    let pages = 0;
    let current;
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
        const listed = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_3__/* .readPages */ .n)({
            label,
            pageSize: PAGE_SIZE,
            maxPages: MAX_PAGES,
            concurrency: IN_FLIGHT,
            idOf: (item) => item.id,
            fetch: async (startIndex) => {
                const page = await fetchPage(startIndex);
                current ??= page.current;
                return page;
            },
            onItems: announce
        });
        pages += listed.pages;
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
function directOnly(items, parentOf, id) {
    return items.filter((item) => {
        const parent = parentOf(item);
        return parent === undefined || parent === id;
    });
}
function direct(listing, parentOf, id) {
    return { ...listing, items: directOnly(listing.items, parentOf, id) };
}
/** Hands on the entries of a page, without those `direct` leaves out. */
function handOn(onItems, recursive, parentOf, id) {
    if (!onItems || recursive)
        return onItems;
    return (items) => {
        const kept = directOnly(items, parentOf, id);
        if (kept.length > 0)
            onItems(kept);
    };
}
/**
 * Every file in a folder or room; with `recursive`, in all of its subfolders too. `onItems` gets the
 * files of each page as it comes, so that the caller can start on them while the listing goes on.
 */
async function listFiles(client, folderId, recursive, onItems) {
    const parentOf = (f) => f.folderId;
    const listing = await pageAll(client, `the contents of folder ${folderId}`, (start) => contentPage(client, folderId, FILTER_FILES_ONLY, recursive, start), handOn(onItems, recursive, parentOf, folderId));
    return recursive ? listing : direct(listing, parentOf, folderId);
}
/** Every folder below a folder or room (not itself); with `recursive` false, the direct ones only. */
async function listFolders(client, folderId, recursive, onItems) {
    const parentOf = (f) => f.parentId;
    const listing = await pageAll(client, `the folders below folder ${folderId}`, (start) => contentPage(client, folderId, FILTER_FOLDERS_ONLY, recursive, start), handOn(onItems, recursive, parentOf, folderId));
    return recursive ? listing : direct(listing, parentOf, folderId);
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

/***/ 3634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cT: () => (/* binding */ enforceOnEntry),
  ZN: () => (/* binding */ limitPolicyOf),
  xU: () => (/* binding */ linksNeedingCount)
});

// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
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
// EXTERNAL MODULE: ./src/links/verify-link.ts
var verify_link = __webpack_require__(245);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/links/enforce.ts








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
                const replacement = await (0,links/* putLink */._1)(settings.client, entry.target, (0,link_state/* revokeRequestBody */.QD)(entry.target, dto), 'idempotent');
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
                if (await settings.removedMeanwhile?.(error)) {
                    log.info(`${entry.label} was removed during the sweep`);
                    break;
                }
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

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkPortal: () => (/* binding */ checkPortal)
});

// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/docspace/links.ts
var docspace_links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/docspace/audit.ts
var audit = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/docspace/portal.ts


async function read(client, path) {
    const { data } = await client.request('GET', path, { retry: 'read' });
    return data;
}
const getBuildVersion = (client) => read(client, '/api/2.0/settings/version/build');
const getSelf = (client) => read(client, '/api/2.0/people/@self');
/** Portal admins only: a 403 for anyone else. */
const getQuota = (client) => read(client, '/api/2.0/portal/quota');
const getFilesSettings = (client) => read(client, '/api/2.0/files/settings');
// FileDownloaded of file "0": no such file exists, so a portal that applies the filter answers nothing,
// and one that falls back answers its last 20 events whatever they are.
const IMPOSSIBLE_FILTER = { action: 5009, target: '0', count: 1 };
async function probeAuditFilter(client) {
    try {
        const { data } = await client.request('GET', audit/* AUDIT_FILTER_PATH */.jU, {
            query: IMPOSSIBLE_FILTER,
            retry: 'read'
        });
        return Array.isArray(data) && data.length > 0 ? 'fallback' : 'filtered';
    }
    catch (error) {
        if (error instanceof errors/* DocSpaceError */.z && error.status === 403)
            return 'refused';
        if (error instanceof errors/* DocSpaceError */.z && error.status === 402)
            return 'not-in-plan';
        // A refused key fails the whole check; anything else only leaves the audit trail unknown.
        if (error instanceof errors/* DocSpaceError */.z && error.kind !== 'unauthorized')
            return 'unavailable';
        throw error;
    }
}

// EXTERNAL MODULE: ./src/links/share-link.ts
var share_link = __webpack_require__(8703);
;// CONCATENATED MODULE: ./src/links/portal-requirements.ts
const LINK_OPERATIONS = [
    'create-link',
    'list-links',
    'update-link',
    'revoke-link'
];
function targetName(t) {
    return `${t.kind} ${t.id}`;
}
function shareProblems(operation, targets) {
    return targets.flatMap((t) => {
        if (!t.found) {
            return [
                `${operation}: ${targetName(t)} was not found or is hidden from the key's user: check the id, ` +
                    'or share the entry with that user'
            ];
        }
        if (t.canShare)
            return [];
        return [
            `${operation}: the key's user cannot share ${targetName(t)} (its links list reads as empty): ` +
                'use the key of its owner, or make the user a room manager of the room it is in'
        ];
    });
}
/** The audit trail as a download counter: why it cannot count, or nothing when it can. */
function auditProblem(facts) {
    const { probe, plan } = facts.audit;
    if (probe === 'filtered' && plan !== false)
        return undefined;
    if (probe === 'unavailable') {
        return 'the audit trail could not be read just now (see the warnings): run the check again';
    }
    if (probe === 'refused') {
        return facts.isAdmin
            ? "the audit trail refused this portal admin's key: an API key needs the `*:read` or `*:write` " +
                'scope for it; create the key with all permissions'
            : "the audit trail is for portal admins only: use a portal admin's API key";
    }
    return ("the portal's plan has no Audit option, so the audit trail ignores filters and downloads cannot be " +
        'counted: add the Audit trail to the plan, or set `enforce-max-downloads: false`');
}
function checkRequirements(required, facts) {
    const entries = facts.targets;
    const containers = entries.filter((t) => t.kind !== 'file');
    return required.map((operation) => {
        const missing = [];
        const unchecked = [];
        const needTargets = (list, what) => {
            if (list.length === 0)
                unchecked.push(`${operation}: give ${what} to check the share right on it`);
        };
        if (LINK_OPERATIONS.includes(operation)) {
            needTargets(entries, '`file-id`, `folder-id` or `room-id`');
            missing.push(...shareProblems(operation, entries));
        }
        else if (operation === 'enforce-limits' || operation === 'sweep') {
            const audit = auditProblem(facts);
            if (audit)
                missing.push(`${operation}: ${audit}`);
            needTargets(entries, '`file-id`, `folder-id` or `room-id`');
            missing.push(...shareProblems(operation, entries));
        }
        else if (operation === 'upload') {
            needTargets(containers, '`folder-id` or `room-id`');
            for (const t of containers) {
                if (t.found && t.canCreate === false) {
                    missing.push(`upload: the key's user cannot create files in ${targetName(t)}: give them ` +
                        'content-creator or room-manager access there, or upload into a folder they own');
                }
            }
            missing.push(...shareProblems(operation, containers));
        }
        return { operation, ok: missing.length === 0, missing, unchecked };
    });
}

// EXTERNAL MODULE: ./src/links/share-rights.ts
var share_rights = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/links/access.ts
var access = __webpack_require__(4335);
// EXTERNAL MODULE: ./src/links/portal-rules.ts
var portal_rules = __webpack_require__(5601);
;// CONCATENATED MODULE: ./src/links/target-capabilities.ts



function listedAccesses(rights) {
    if (!Array.isArray(rights))
        return undefined;
    const out = [];
    for (const right of rights) {
        try {
            const n = (0,access/* parseAccess */.Cz)(String(right));
            if (n !== 0 && !out.includes(n))
                out.push(n);
        }
        catch {
            // A right this action has no name for (a newer server) cannot be asked for through it anyway.
        }
    }
    return out;
}
function limitOf(settings) {
    if (!settings || typeof settings !== 'object')
        return null;
    const counts = ['PrimaryExternalLink', 'ExternalLink']
        .map((key) => settings[key])
        .filter((n) => typeof n === 'number' && Number.isFinite(n));
    return counts.length === 0 ? null : counts.reduce((a, b) => a + b, 0);
}
function intersect(a, b) {
    return b === undefined ? [...a] : a.filter((n) => b.includes(n));
}
/**
 * The capabilities of a target read from its entry DTO, with the links counted by link type (external,
 * invitation) when the key could list them.
 */
function targetCapabilities(target, entry, counts) {
    const canShare = (0,share_rights/* canManageLinks */.xT)(target, entry) === true;
    const external = listedAccesses(entry.availableShareRights?.ExternalLink);
    const out = {
        kind: target.kind,
        id: target.id,
        found: true,
        ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
        canShare,
        linkTypes: []
    };
    if (target.kind !== 'file' && entry.security && typeof entry.security.Create === 'boolean') {
        out.canCreate = entry.security.Create;
    }
    const limit = canShare ? limitOf(entry.shareSettings) : null;
    if (target.kind === 'room') {
        const roomType = typeof entry.roomType === 'number' ? entry.roomType : undefined;
        if (roomType !== undefined) {
            out.roomType = roomType;
            out.roomTypeName = (0,portal_rules/* roomTypeName */.rl)(roomType);
        }
        const ruleExternal = roomType === undefined ? undefined : (0,portal_rules/* roomLinkAccess */.Yx)(roomType, 1);
        const ruleInvitation = roomType === undefined ? undefined : (0,portal_rules/* roomLinkAccess */.Yx)(roomType, 0);
        out.linkTypes.push({
            linkType: 'external',
            accesses: (ruleExternal ?? external ?? []).map(access/* accessName */._Y),
            links: counts?.external ?? null,
            limit: ruleExternal !== undefined && ruleExternal.length === 0 ? 0 : limit
        });
        out.linkTypes.push({
            linkType: 'invitation',
            accesses: (ruleInvitation ??
                listedAccesses(entry.availableShareRights?.InvitationLink) ??
                []).map(access/* accessName */._Y),
            links: counts?.invitation ?? null,
            limit: null
        });
        return out;
    }
    let accesses;
    if (target.kind === 'file') {
        const kind = (0,portal_rules/* fileKind */.h_)(entry.title ?? '', entry.isForm === true);
        out.fileKind = kind;
        accesses = intersect((0,portal_rules/* fileLinkAccess */.ts)(kind), external);
    }
    else {
        accesses = intersect((0,access/* allowedAccess */.t0)('folder', 1), external);
    }
    out.linkTypes.push({
        linkType: 'external',
        accesses: accesses.map(access/* accessName */._Y),
        links: counts?.external ?? null,
        limit
    });
    return out;
}

;// CONCATENATED MODULE: ./src/operations/check-portal.ts








// A refused key (401) is the one answer that makes the whole check pointless: it fails the step.
async function attempt(work) {
    try {
        return { value: await work() };
    }
    catch (error) {
        if (error instanceof errors/* DocSpaceError */.z && error.kind === 'unauthorized')
            throw error;
        if (error instanceof errors/* DocSpaceError */.z && error.status !== undefined) {
            return { error: `HTTP ${error.status}` };
        }
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
const check_portal_valueOf = (read) => ('value' in read ? read.value : undefined);
const AUDIT_TEXT = {
    filtered: 'answers filtered queries: download limits can be enforced',
    fallback: 'ignores filters (no Audit option in the plan): download limits cannot be enforced',
    refused: 'refused to this key: download limits cannot be enforced',
    'not-in-plan': 'not in the plan (HTTP 402): download limits cannot be enforced',
    unavailable: 'could not be read (see the warnings): whether download limits can be enforced is unknown'
};
async function checkTarget(context, target) {
    const { client } = context;
    const entry = await attempt(async () => (target.kind === 'file'
        ? await (0,entries/* getFile */.ly)(client, target.id)
        : await (0,entries/* getFolder */.L2)(client, target)));
    if ('error' in entry) {
        return {
            kind: target.kind,
            id: target.id,
            found: false,
            canShare: false,
            linkTypes: [],
            error: entry.error === 'HTTP 404' ? 'not found' : entry.error
        };
    }
    // Without the share right the list reads as empty, which says nothing: it is not counted then.
    let counts = null;
    if ((0,share_rights/* canManageLinks */.xT)(target, entry.value) === true) {
        const links = check_portal_valueOf(await attempt(() => (0,docspace_links/* listLinks */.QA)(client, target)));
        if (links) {
            const invitation = links.filter((dto) => (0,share_link/* sharedLinkOf */.lE)(dto)?.linkType === 0).length;
            counts = { external: links.length - invitation, invitation };
        }
    }
    return targetCapabilities(target, entry.value, counts);
}
const yesNo = (value) => value === undefined || value === null ? 'unknown' : value ? 'yes' : 'no';
function linkTypesText(t) {
    return t.linkTypes
        .map((lt) => {
        const count = lt.links === null ? '?' : String(lt.links);
        const limit = lt.limit === null ? '' : ` of ${lt.limit}`;
        const accesses = lt.accesses.length === 0 ? 'none' : lt.accesses.join(', ');
        return `${lt.linkType}: ${accesses} (${count}${limit} links)`;
    })
        .join('; ');
}
async function checkPortal(request, context) {
    const { client, log } = context;
    // The user first: a key the portal refuses stops here, before anything else is asked.
    const self = (await getSelf(client)) ?? {};
    const version = await attempt(() => getBuildVersion(client));
    const quota = await attempt(() => getQuota(client));
    const settings = await attempt(() => getFilesSettings(client));
    const probe = await probeAuditFilter(client);
    const targets = [];
    for (const target of request.targets)
        targets.push(await checkTarget(context, target));
    const plan = check_portal_valueOf(quota)?.audit;
    const facts = {
        isAdmin: self.isAdmin === true,
        audit: { probe, plan: typeof plan === 'boolean' ? plan : null },
        targets
    };
    // The plan flag confirms a probe that found nothing: an empty trail also answers an empty list.
    const auditState = probe === 'filtered' && plan === false ? 'fallback' : probe;
    const requirements = checkRequirements(request.require ?? [], facts);
    const files = check_portal_valueOf(settings);
    const build = check_portal_valueOf(version);
    const notes = [];
    if (files?.externalShare === false) {
        notes.push('External sharing is restricted on this portal: new links are internal (signed-in users only), ' +
            'and a Public room takes no new link.');
    }
    else if (files?.defaultShareLinkInternal === true) {
        notes.push('New links are internal by default on this portal: give `internal: false` for public links.');
    }
    for (const r of requirements)
        notes.push(...r.unchecked);
    const report = {
        portal: request.connection.portalUrl,
        version: build
            ? { docSpace: build.docSpace ?? null, documentServer: build.documentServer ?? null }
            : null,
        user: {
            displayName: self.displayName ?? null,
            isAdmin: self.isAdmin === true,
            isOwner: self.isOwner === true,
            isVisitor: self.isVisitor === true
        },
        audit: {
            state: auditState,
            enforceable: auditProblem(facts) === undefined,
            plan: facts.audit.plan,
            ...('error' in quota ? { planError: quota.error } : {})
        },
        settings: files
            ? {
                chunkUploadSize: files.chunkUploadSize ?? null,
                defaultShareLinkInternal: files.defaultShareLinkInternal ?? null,
                externalShare: files.externalShare ?? null,
                externalShareApplyToDocuments: files.externalShareApplyToDocuments ?? null,
                externalShareApplyToRooms: files.externalShareApplyToRooms ?? null
            }
            : null,
        targets,
        require: requirements.map(({ operation, ok, missing }) => ({ operation, ok, missing }))
    };
    const role = self.isOwner ? 'portal owner' : self.isAdmin ? 'portal admin' : 'not a portal admin';
    const portalTable = {
        caption: 'Portal and key',
        head: ['Check', 'Result'],
        rows: [
            [
                'DocSpace version',
                build?.docSpace ?? `unknown (${'error' in version ? version.error : 'not sent'})`
            ],
            ["Key's user", `${self.displayName ?? 'unknown'} (${role})`],
            ['Audit trail', AUDIT_TEXT[auditState]],
            [
                'Plan includes the audit trail',
                'error' in quota ? `unknown (${quota.error}: portal admins only)` : yesNo(facts.audit.plan)
            ],
            [
                'Chunk size for uploads',
                files?.chunkUploadSize ? `${files.chunkUploadSize} bytes` : 'unknown'
            ],
            ['Links internal by default', yesNo(files?.defaultShareLinkInternal)],
            [
                'External sharing restricted',
                files?.externalShare === undefined ? 'unknown' : yesNo(!files.externalShare)
            ]
        ]
    };
    const tables = [portalTable];
    if (targets.length > 0) {
        tables.push({
            caption: 'Targets',
            head: [
                'Target',
                'Title',
                'Room type',
                'Key can share',
                'Link types: accesses (links of limit)'
            ],
            rows: targets.map((t) => [
                (0,docspace_links/* describeTarget */.ff)(t),
                t.found ? (t.title ?? '') : `(${t.error ?? 'not found'})`,
                t.roomTypeName ?? (t.kind === 'file' ? (t.fileKind ?? '') : ''),
                t.found ? yesNo(t.canShare) : '',
                linkTypesText(t)
            ])
        });
    }
    if (requirements.length > 0) {
        tables.push({
            caption: 'Required operations',
            head: ['Operation', 'Possible', 'Missing'],
            rows: requirements.map((r) => [r.operation, r.ok ? 'yes' : 'no', r.missing.join(' ')])
        });
    }
    for (const row of portalTable.rows)
        log.info(`${row[0]}: ${row[1]}`);
    for (const t of targets)
        log.info(`${(0,docspace_links/* describeTarget */.ff)(t)}: ${t.found ? linkTypesText(t) : (t.error ?? 'not found')}`);
    const failing = requirements.filter((r) => !r.ok);
    const required = requirements.length === 0
        ? ''
        : failing.length === 0
            ? `; all ${requirements.length} required operation(s) possible`
            : `; ${failing.length} of ${requirements.length} required operation(s) not possible`;
    return {
        operation: request.operation,
        dryRun: request.dryRun,
        headline: `DocSpace ${build?.docSpace ?? '(version unknown)'}, key of ${self.displayName ?? 'an unknown user'} ` +
            `(${role}); audit trail ${auditState}; ${targets.length} target(s) checked${required}`,
        links: [],
        revoked: false,
        notes,
        report,
        tables,
        ...(failing.length > 0 ? { failures: failing.flatMap((r) => r.missing) } : {})
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
/* harmony import */ var _docspace_listing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(752);
/* harmony import */ var _docspace_links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2713);
/* harmony import */ var _links_change_link_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6942);
/* harmony import */ var _links_enforce_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3634);
/* harmony import */ var _links_find_link_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8087);
/* harmony import */ var _links_share_rights_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5356);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8992);








// Downloads of the files directly inside a folder or room (with `recursive`, of all the files below it)
// count for its links; a file counts for itself.
async function filesToCount(client, target, recursive) {
    if (target.kind === 'file')
        return [target.id];
    return (0,_docspace_listing_js__WEBPACK_IMPORTED_MODULE_1__/* .fileIdsUnder */ .Jb)(client, target.id, recursive);
}
function headlineOf(request, target, links, single) {
    const where = (0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target);
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
        return `Checked ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(links.length, 'link')} on ${where}: none revoked`;
    return `${verb} ${revoked.length} of ${(0,_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(links.length, 'link')} on ${where}`;
}
/**
 * Revokes the links of one target that have expired, reached their download limit or grown older than
 * `max-age`; with `link-id` or `title`, just that link.
 */
async function enforceLimits(request, context) {
    const target = request.targets[0];
    const now = context.now();
    const client = context.client;
    const all = await (0,_links_share_rights_js__WEBPACK_IMPORTED_MODULE_6__/* .listManagedLinks */ .Vt)(client, target);
    const single = request.linkId !== undefined || request.link.title !== undefined;
    let links = all;
    if (single) {
        const one = (0,_links_find_link_js__WEBPACK_IMPORTED_MODULE_5__/* .findLink */ .K)(all, { linkId: request.linkId, title: request.link.title });
        if (!one)
            throw new Error(`No ${(0,_links_change_link_js__WEBPACK_IMPORTED_MODULE_3__/* .linkSelector */ .Y5)(request)} on ${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target)}`);
        links = [one];
    }
    const outcome = await (0,_links_enforce_js__WEBPACK_IMPORTED_MODULE_4__/* .enforceOnEntry */ .cT)({
        target,
        label: (0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target),
        links,
        countedFiles: () => filesToCount(client, target, request.policy.recursive)
    }, {
        client,
        counter: new _docspace_audit_js__WEBPACK_IMPORTED_MODULE_0__/* .DownloadCounter */ .lN(client),
        policy: (0,_links_enforce_js__WEBPACK_IMPORTED_MODULE_4__/* .limitPolicyOf */ .ZN)(request, true),
        titlePattern: single ? undefined : request.policy.titlePattern,
        dryRun: request.dryRun,
        now,
        log: context.log,
        countAll: true
    });
    const notes = [...outcome.notes];
    if (outcome.uncounted) {
        notes.push(`${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target)}: ${outcome.uncounted}`);
        context.log.warning(`${(0,_docspace_links_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTarget */ .ff)(target)}: ${outcome.uncounted}`);
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


/***/ }),

/***/ 4730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sweep: () => (/* binding */ sweep)
});

;// CONCATENATED MODULE: ./src/concurrency.ts
// A bounded pool of async tasks. The sweep runs every request to the portal through one pool, so the
// `concurrency` input bounds requests (DocSpace allows 50 parallel reads and 15 parallel writes per user)
// rather than targets, and a 429 can hold back the whole sweep, not just the request that got it.
class TaskPool {
    slots;
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
        this.slots = limit;
        this.now = options.now ?? Date.now;
    }
    /** How many tasks may run at once. */
    get limit() {
        return this.slots;
    }
    /**
     * Changes how many tasks may run at once. Tasks already running go on; a smaller limit only holds back
     * the next ones.
     */
    resize(limit) {
        if (!Number.isSafeInteger(limit) || limit < 1) {
            throw new Error(`a task pool needs a positive whole number of slots (got ${limit})`);
        }
        this.slots = limit;
        this.drain();
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
        while (this.running < this.slots && this.head < this.waiting.length) {
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
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
;// CONCATENATED MODULE: ./src/paced-client.ts
/**
 * A decorator of the client: every request goes through the governor's pool and pacer, and the rest
 * (connection, log, the run's request budget and findings) is the wrapped client's own, so the budget
 * and the findings stay one for the whole run.
 */
class PacedClient {
    client;
    governor;
    constructor(client, governor) {
        this.client = client;
        this.governor = governor;
    }
    get connection() {
        return this.client.connection;
    }
    get log() {
        return this.client.log;
    }
    get budget() {
        return this.client.budget;
    }
    get findings() {
        return this.client.findings;
    }
    request(method, path, options = {}) {
        return this.governor.request(this.client, method.toUpperCase(), path, options);
    }
}

// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/rate-limit.ts
var rate_limit = __webpack_require__(474);
;// CONCATENATED MODULE: ./src/pacing.ts
// Pacing a long run of requests under the portal's per-user limits. DocSpace counts every request of
// the user (all of their keys and browser sessions) against 1,500 a minute, 50 GETs / 15 writes in
// flight and 10,000 POST+PUT a day, and a 200 says nothing about what is left. So the client keeps its
// own ceiling below the per-minute limit, runs every request through one bounded pool, and reads each
// 429's X-RateLimit-Limit to tell the limiters apart: the per-minute and in-flight limits slow the whole
// pool down; the daily one stops every further write at once, since waiting for it is not an option.




const DEFAULT_PACING = {
    windowMs: 60_000,
    windowPauseMs: 5_000,
    concurrencyPauseMs: 1_000,
    maxTotalPauseMs: 10 * 60_000,
    random: Math.random,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
/**
 * A token bucket that never lets more than `perWindow` requests start within any window: it holds a
 * small burst (a second's worth) and refills with the rest spread evenly over the window.
 */
class RequestPacer {
    windowMs;
    now;
    sleep;
    perWindow;
    burst = 1;
    ratePerMs = 0;
    tokens;
    last;
    queue = Promise.resolve();
    constructor(perWindow, windowMs, now, sleep) {
        this.windowMs = windowMs;
        this.now = now;
        this.sleep = sleep;
        this.perWindow = perWindow;
        this.configure(perWindow);
        this.tokens = this.burst;
        this.last = now();
    }
    /** Requests per window allowed now. */
    get ceiling() {
        return this.perWindow;
    }
    /** Lowers the ceiling (after the portal said the user's window is full); never below 1. */
    lower(factor) {
        this.refill();
        this.configure(Math.max(1, Math.floor(this.perWindow * factor)));
        this.tokens = Math.min(this.tokens, this.burst);
    }
    /** Resolves when the next request may start; callers are served in order. */
    take() {
        const turn = this.queue.then(() => this.acquire());
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    configure(perWindow) {
        this.perWindow = perWindow;
        this.burst = Math.max(1, Math.min(perWindow, Math.floor((perWindow * 1000) / this.windowMs)));
        this.ratePerMs = Math.max(perWindow - this.burst, 1) / this.windowMs;
    }
    refill() {
        const now = this.now();
        this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs);
        this.last = now;
    }
    async acquire() {
        // Bounded: each round waits for the token that is missing, which then has arrived.
        for (let round = 0; round < 1000; round++) {
            this.refill();
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return;
            }
            await this.sleep(Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerMs)));
        }
    }
}
/** The portal's daily budget of writes is used up: no further write is sent in this run. */
class DailyBudgetError extends Error {
    retryAfterMs;
    constructor(retryAfterMs) {
        super("the portal's daily budget of writes for this user is used up (HTTP 429)" +
            (retryAfterMs === undefined ? '' : `; it resets in ${formatWait(retryAfterMs)}`));
        this.retryAfterMs = retryAfterMs;
        this.name = 'DailyBudgetError';
    }
}
function formatWait(ms) {
    const minutes = Math.ceil(ms / 60_000);
    return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
}
// The reason a request is cancelled with when the client met a 429 and was about to retry on its own:
// the governor decides instead, for the whole pool.
class RateLimitHit {
    method;
    info;
    error;
    constructor(method, info, error) {
        this.method = method;
        this.info = info;
        this.error = error;
    }
}
/**
 * Runs every request of a long operation through one pool, under the client-side ceiling, and turns the
 * portal's 429s into pool-wide slow-downs (per-minute and in-flight limits) or a stop of all writes
 * (daily budget).
 */
class RequestGovernor {
    settings;
    onPause;
    pool;
    pacer;
    stats = {
        requests: 0,
        refused: { window: 0, concurrency: 0, daily: 0 },
        pausedMs: 0
    };
    /** Set once the daily budget refused a write. */
    writesStopped;
    windowStreak = 0;
    successes = 0;
    constructor(settings, onPause = () => undefined) {
        this.settings = settings;
        this.onPause = onPause;
        this.pool = new TaskPool(Math.max(1, settings.concurrency));
        this.pacer = new RequestPacer(settings.requestsPerWindow, settings.windowMs, settings.now, settings.sleep);
    }
    /** The same client with every request paced and pooled. */
    wrap(client) {
        return new PacedClient(client, this);
    }
    /** Sends one request of `client` through the pool, under the ceiling; `method` in upper case. */
    async request(client, method, path, options) {
        const write = method !== 'GET' && method !== 'HEAD';
        // Bounded by the pause budget: every round that goes on has paused at least once.
        for (let round = 1;; round++) {
            if (write && this.writesStopped)
                throw this.writesStopped;
            const controller = new AbortController();
            const signal = options.signal
                ? AbortSignal.any([options.signal, controller.signal])
                : controller.signal;
            const onRetry = (retry) => {
                options.onRetry?.(retry);
                if (retry.status === 429)
                    controller.abort(new RateLimitHit(method, retry.rateLimit ?? {}));
                else
                    this.stats.requests++;
            };
            let hit;
            try {
                const result = await this.pool.run(async () => {
                    // Writes queued before the daily budget ran out are not sent either.
                    if (write && this.writesStopped)
                        throw this.writesStopped;
                    await this.pacer.take();
                    this.stats.requests++;
                    return client.request(method, path, { ...options, signal, onRetry });
                });
                this.succeeded();
                return result;
            }
            catch (error) {
                if (error instanceof DailyBudgetError)
                    throw error;
                if (error instanceof RateLimitHit)
                    hit = error;
                else if (error instanceof errors/* DocSpaceError */.z && error.kind === 'rate-limited') {
                    hit = new RateLimitHit(method, error.rateLimit ?? {}, error);
                }
                else
                    throw error;
            }
            const kind = (0,rate_limit/* classifyRateLimit */.u)(method, hit.info);
            this.stats.refused[kind]++;
            if (kind === 'daily') {
                this.writesStopped ??= new DailyBudgetError(hit.info.retryAfterMs);
                if (write)
                    throw this.writesStopped;
            }
            const pause = this.pauseFor(kind, hit.info);
            if (this.stats.pausedMs + pause > this.settings.maxTotalPauseMs) {
                throw (hit.error ??
                    new errors/* DocSpaceError */.z('rate-limited', `${method} ${path.split('?')[0]}`, `${method} ${path.split('?')[0]}: the portal's rate limit (HTTP 429) held the run back ` +
                        `longer than ${formatWait(this.settings.maxTotalPauseMs)} in all; gave up after ${round} rounds`, { status: 429 }));
            }
            this.stats.pausedMs += pause;
            this.pool.pause(pause);
            this.onPause(kind, pause);
        }
    }
    // Per-minute: wait for the window to move on and lower the ceiling, since someone else is using the
    // same user's budget. In flight: fewer at once, retry soon.
    // A wait the portal (or a proxy in front of it) named is honoured, up to a window.
    pauseFor(kind, info) {
        const jitter = 1 + this.settings.random();
        if (info.retryAfterMs !== undefined) {
            if (kind === 'window')
                this.pacer.lower(0.75);
            return Math.min(this.settings.windowMs, Math.max(1, Math.round(info.retryAfterMs)));
        }
        if (kind === 'concurrency') {
            this.pool.resize(Math.max(1, Math.floor(this.pool.limit / 2)));
            return Math.round(this.settings.concurrencyPauseMs * jitter);
        }
        this.pacer.lower(0.75);
        const base = Math.min(this.settings.windowMs, this.settings.windowPauseMs * 2 ** Math.min(this.windowStreak, 10));
        this.windowStreak++;
        return Math.min(this.settings.windowMs, Math.round(base * jitter));
    }
    // The pool grows back one slot per 20 answers after an in-flight 429 shrank it.
    succeeded() {
        this.windowStreak = 0;
        this.successes++;
        if (this.pool.limit < this.settings.concurrency && this.successes % 20 === 0) {
            this.pool.resize(this.pool.limit + 1);
        }
    }
}

// EXTERNAL MODULE: ./src/links/enforce.ts + 1 modules
var enforce = __webpack_require__(3634);
// EXTERNAL MODULE: ./src/time/iso-date.ts
var iso_date = __webpack_require__(153);
;// CONCATENATED MODULE: ./src/docspace/audit-window.ts
// Download counts for many files from one windowed audit query. Without `target`, the filter
// `moduleType=1&actionType=12&from=..&to=..` returns the file downloads of every file in the window
// (FileDownloaded 5009, FileDownloadedAs 5010, FileRevisionDownloaded 5062), newest first, in pages of
// 100, with no total: the last page is the one shorter than asked. `to` is frozen at the sweep's start
// and events are kept once by id, since offset pages shift as new events arrive. Each page costs one
// request whoever the downloads are of, so the window is read only while it is cheaper than one query
// per file; past that bound the counts come from per-file queries instead.


const PAGE_SIZE = 100;
const MODULE_FILES = 1;
/**
 * Reads every file download between `from` and `to`, at most `maxPages` pages. `read: false` when the
 * window holds more than that (per-file queries are then cheaper) or the trail cannot count. Throws
 * AuditAccessError when the key may not read the audit trail.
 */
/** Audit pages in flight at once after the first. */
const LOOKAHEAD = 8;
async function readDownloadWindow(client, window) {
    const byFile = new Map();
    const seen = new Set();
    let firstIds;
    // The trail gives no total, so the end is the first short page. After the first page (which tells
    // whether the filter is applied at all) a few pages are asked for ahead and handled in order: at most
    // LOOKAHEAD - 1 requests past the end, instead of one round trip per page.
    const pending = [];
    let asked = 0;
    for (let page = 0; page < window.maxPages; page++) {
        while (pending.length < (page === 0 ? 1 : LOOKAHEAD) && asked < window.maxPages) {
            const answer = (0,audit/* auditPage */.ns)(client, {
                moduleType: MODULE_FILES,
                actionType: audit/* ACTION_TYPE_DOWNLOAD */.n1,
                from: window.from ? (0,iso_date/* isoUtc */.u8)(window.from) : undefined,
                to: (0,iso_date/* isoUtc */.u8)(window.to),
                startIndex: asked * PAGE_SIZE,
                count: PAGE_SIZE
            });
            // A page asked for ahead but never handled (the window ended first) must not fail the run.
            answer.catch(() => undefined);
            pending.push(answer);
            asked++;
        }
        const batch = await pending.shift();
        if (batch === 'not-in-plan') {
            return { read: false, pages: page + 1, uncounted: audit/* AUDIT_NOT_IN_PLAN_MESSAGE */.Oz };
        }
        // Anything but a file download, or the same 20 events again, means the filter was ignored.
        const ignored = batch.some((e) => e.actionId === undefined ||
            !audit/* DOWNLOAD_ACTION_IDS */.ZW.has(e.actionId) ||
            (e.actionType !== undefined && e.actionType !== audit/* ACTION_TYPE_DOWNLOAD */.n1)) ||
            (page === 1 &&
                firstIds?.length === audit/* UNFILTERED_PAGE */.Xf &&
                batch.length === audit/* UNFILTERED_PAGE */.Xf &&
                batch.every((e, i) => e.id === firstIds?.[i]));
        if (ignored)
            return { read: false, pages: page + 1, uncounted: audit/* AUDIT_IGNORED_MESSAGE */.Xz };
        if (page === 0)
            firstIds = batch.map((e) => e.id);
        for (const event of batch) {
            if (seen.has(event.id))
                continue;
            seen.add(event.id);
            const at = event.date ? new Date(event.date) : new Date(NaN);
            if (window.from && at.getTime() < window.from.getTime())
                continue;
            if (at.getTime() > window.to.getTime())
                continue;
            // The target is the file id, exactly; a bulk download writes one event per file.
            for (const target of event.target ?? []) {
                if (!/^\d+$/.test(target))
                    continue;
                const id = Number(target);
                const list = byFile.get(id) ?? [];
                list.push({ id: event.id, at });
                byFile.set(id, list);
            }
        }
        // A page of exactly 20 may be the unfiltered answer: the next page tells.
        if (batch.length < PAGE_SIZE && !(page === 0 && batch.length === audit/* UNFILTERED_PAGE */.Xf)) {
            return { read: true, from: window.from, to: window.to, byFile, pages: page + 1 };
        }
    }
    return { read: false, pages: window.maxPages };
}
/**
 * A DownloadCounter that answers from a window read beforehand when the window covers the moment asked
 * for, and queries the file's own trail otherwise.
 */
class WindowedCounter extends audit/* DownloadCounter */.lN {
    window;
    refusal;
    failure;
    constructor(client, window, refusal, 
    /** The window's read failed: every count fails with that error. */
    failure) {
        super(client);
        this.window = window;
        this.refusal = refusal;
        this.failure = failure;
    }
    async file(fileId, since) {
        if (this.refusal)
            throw this.refusal;
        if (this.failure !== undefined)
            throw this.failure;
        const w = this.window;
        if (w && !w.read && w.uncounted)
            return { counted: false, reason: w.uncounted };
        if (w?.read && (w.from === undefined || (since && since.getTime() >= w.from.getTime()))) {
            const events = (w.byFile.get(fileId) ?? []).filter((e) => !since || !(e.at.getTime() < since.getTime()));
            return { counted: true, events, truncated: false };
        }
        return super.file(fileId, since);
    }
}

// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/links/share-rights.ts
var share_rights = __webpack_require__(5356);
;// CONCATENATED MODULE: ./src/links/sweep-report.ts

// What the sweep reports: one report a target, filled in as its entries are swept, and the step's
// result made of them all. Apart from the sweep itself so the wording of the result reads in one place.
// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label, error) {
    const message = (0,src_text/* messageOf */.b)(error);
    const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase());
    return named ? message : `${label}: ${message}`;
}
function newReport(label) {
    return { label, links: [], notes: [], failures: [], uncounted: [], notInspectable: [], left: 0 };
}
function listed(labels, shown = 10) {
    const more = labels.length > shown ? ` and ${labels.length - shown} more` : '';
    return `${labels.slice(0, shown).join(', ')}${more}`;
}
function uncountedNotes(reports) {
    const byReason = new Map();
    for (const { reason, label } of reports.flatMap((r) => r.uncounted)) {
        byReason.set(reason, [...(byReason.get(reason) ?? []), label]);
    }
    return [...byReason].map(([reason, labels]) => `${reason} (${listed(labels)})`);
}
/** The step's result: the counts, the links revoked, the notes, and the failures (or their notes). */
function sweepResult(request, context, targets, reports, counts, governor) {
    const policy = request.policy;
    const checked = reports.flatMap((r) => r.links);
    const revoked = checked.filter((l) => l.action === 'revoked' || l.action === 'would-revoke');
    counts.checked = checked.length + reports.reduce((n, r) => n + r.left, 0);
    counts.revoked = revoked.length;
    counts.left = reports.reduce((n, r) => n + r.left, 0);
    counts.kept = checked.length - revoked.length;
    counts.requests = governor.stats.requests;
    const failures = reports.flatMap((r) => r.failures);
    const notes = [...new Set(reports.flatMap((r) => r.notes)), ...uncountedNotes(reports)];
    const hidden = reports.flatMap((r) => r.notInspectable);
    if (hidden.length > 0) {
        notes.push(`${hidden.length} ${hidden.length === 1 ? 'entry has' : 'entries have'} links this key cannot ` +
            `inspect (no share rights there; a room manager's key can): ${listed(hidden)}`);
    }
    const refused = governor.stats.refused;
    if (refused.window + refused.concurrency > 0) {
        notes.push(`The portal's rate limit refused ${refused.window + refused.concurrency} request(s); the sweep ` +
            `paused ${(governor.stats.pausedMs / 1000).toFixed(1)} s in all.`);
    }
    const verb = request.dryRun ? 'would revoke' : 'revoked';
    let headline = `Swept ${targets.length} target${targets.length === 1 ? '' : 's'}: ` +
        `${checked.length} link${checked.length === 1 ? '' : 's'} checked, ${verb} ${revoked.length}, ` +
        `kept ${counts.kept}`;
    if (counts.left > 0)
        headline += `, ${counts.left} left to revoke`;
    if (failures.length > 0)
        headline += `, ${failures.length} failure${failures.length === 1 ? '' : 's'}`;
    headline += ` (${counts.requests} requests)`;
    const result = {
        operation: request.operation,
        dryRun: request.dryRun,
        headline,
        links: revoked,
        revoked: revoked.length > 0,
        revokedCount: revoked.length,
        keptCount: counts.kept,
        sweep: counts,
        notes
    };
    const stopped = governor.writesStopped;
    if (failures.length > 0 && !policy.failOnError) {
        for (const failure of failures)
            context.log.warning(failure);
        result.notes = [...notes, ...failures.map((f) => `Not swept: ${f}`)];
    }
    else if (failures.length > 0) {
        result.failures = failures;
    }
    if (stopped) {
        // Always a failed step: the next run has to carry on where this one stopped.
        result.failures = [
            ...(result.failures ?? []),
            `Stopped revoking: ${stopped.message}. Revoked ${revoked.length}; ${counts.left} ` +
                `link${counts.left === 1 ? '' : 's'} the policy selected ${counts.left === 1 ? 'is' : 'are'} ` +
                'left for the next run.'
        ];
    }
    return result;
}

;// CONCATENATED MODULE: ./src/links/sweep-entries.ts









// The sweep's later phases, entry by entry: read the links of each planned entry, count the downloads
// they need in one windowed audit query where that is cheaper, and apply the policy. Only the sweep uses
// them; they live here, not in the operation, to keep each module short.
// A listed entry gone by the time its links are read was removed meanwhile: nothing to sweep there. Only
// when the entry itself is gone too: a 404 from the links endpoint alone is a failure like any other.
async function removedMeanwhile(client, entry, error) {
    if (!entry.listed || !(error instanceof errors/* DocSpaceError */.z) || error.kind !== 'not-found')
        return false;
    try {
        if (entry.target.kind === 'file')
            await (0,entries/* getFile */.ly)(client, entry.target.id);
        else
            await (0,entries/* getFolder */.L2)(client, entry.target);
        return false;
    }
    catch (again) {
        return again instanceof errors/* DocSpaceError */.z && again.kind === 'not-found';
    }
}
async function readLinks(sweeper, entry) {
    if (entry.links !== undefined)
        return;
    try {
        const known = sweeper.listed.get(`${entry.target.kind}:${entry.target.id}`);
        // An empty list is checked against the share right (from the listing where it has it): without the
        // right the portal lists no links at all instead of failing.
        entry.links = entry.mayBeHidden
            ? await (0,links/* listLinks */.QA)(sweeper.client, entry.target)
            : await (0,share_rights/* listManagedLinks */.Vt)(sweeper.client, entry.target, { entry: known });
        if (entry.mayBeHidden && entry.links.length === 0) {
            entry.report.notInspectable.push(entry.label);
            return;
        }
        sweeper.counts.inspected++;
    }
    catch (error) {
        if (error instanceof share_rights/* ShareRightsError */.PW) {
            // A target given to the sweep that the key cannot inspect is a failure; entries found inside one
            // are counted and named as not inspectable.
            entry.report.notInspectable.push(entry.label);
            if (!entry.listed)
                entry.report.failures.push(error.message);
            entry.links = [];
            return;
        }
        if (await removedMeanwhile(sweeper.client, entry, error)) {
            entry.log.info(`${entry.label} was removed during the sweep`);
            entry.links = [];
            return;
        }
        entry.report.failures.push(failureOf(entry.label, error));
        entry.log.warning(`${entry.label} could not be swept: ${(0,src_text/* messageOf */.b)(error)}`);
    }
}
async function sweepEntry(entry, settings, writesStopped) {
    const { report, log } = entry;
    let outcome;
    try {
        outcome = await (0,enforce/* enforceOnEntry */.cT)(entry, {
            ...settings,
            log,
            removedMeanwhile: (error) => removedMeanwhile(settings.client, entry, error)
        });
    }
    catch (error) {
        report.failures.push(failureOf(entry.label, error));
        log.warning(`${entry.label} could not be swept: ${(0,src_text/* messageOf */.b)(error)}`);
        return;
    }
    const stop = writesStopped()?.message;
    const failures = outcome.failures.filter((f) => !(stop && f.endsWith(stop)));
    const left = outcome.failures.length - failures.length;
    report.left += left;
    report.links.push(...(left > 0
        ? outcome.links.filter((l) => !(l.reason?.endsWith('revoking failed') && l.action === 'kept'))
        : outcome.links));
    report.notes.push(...outcome.notes);
    report.failures.push(...failures);
    if (outcome.uncounted)
        report.uncounted.push({ reason: outcome.uncounted, label: entry.label });
}
// Which files need a download count, and since when: one windowed audit query covers them all when
// that takes fewer pages than one query per file.
async function downloadCounter(client, entries, settings, to, log) {
    const files = new Set();
    let since;
    let fromStart = false;
    for (const entry of entries) {
        const links = (0,enforce/* linksNeedingCount */.xU)(entry.links ?? [], settings);
        if (links.length === 0)
            continue;
        for (const id of await entry.countedFiles())
            files.add(id);
        for (const link of links) {
            if (!link.createdAt)
                fromStart = true;
            else if (!since || new Date(link.createdAt) < since)
                since = new Date(link.createdAt);
        }
    }
    if (files.size === 0)
        return new audit/* DownloadCounter */.lN(client);
    let window;
    try {
        window = await readDownloadWindow(client, {
            from: fromStart ? undefined : since,
            to,
            maxPages: files.size
        });
    }
    catch (error) {
        if (error instanceof audit/* AuditAccessError */.WU)
            return new WindowedCounter(client, undefined, error);
        // The audit trail failed: every entry that needs a count fails with it, the others are still swept.
        log.warning(`The downloads could not be counted: ${(0,src_text/* messageOf */.b)(error)}`);
        return new WindowedCounter(client, undefined, undefined, error);
    }
    return new WindowedCounter(client, window);
}

;// CONCATENATED MODULE: ./src/links/sweep-log.ts
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

// EXTERNAL MODULE: ./src/docspace/listing.ts
var listing = __webpack_require__(752);
// EXTERNAL MODULE: ./src/docspace/portal-version.ts
var portal_version = __webpack_require__(8125);
;// CONCATENATED MODULE: ./src/links/sweep-plan.ts




// The sweep's first phase: which entries of the targets have their links read. Portals that mark shared
// entries in their listings get a plan that grows with the shared entries; older ones get the full walk.
// Only the sweep uses it; it lives here, not in the operation, to keep each module short.
/** Folders deeper than this below a swept folder are not descended into (full walk). */
const MAX_DEPTH = 32;
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
// The full walk, for portals whose listings do not mark shared entries: lists a folder or room (every
// page), and with `recursive` its subfolders too. A subfolder that cannot be listed is a failure of its
// own; the rest of the tree is still swept.
async function expand(sweeper, target, label, depth, seen, failures) {
    const { files, folders } = await (0,entries/* listFolder */.bt)(sweeper.client, target.id);
    sweeper.counts.listed += files.length + folders.length;
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
function entriesOf(sweeper, node, root) {
    const counted = sweeper.recursive ? allFiles(node) : node.files;
    const entries = [];
    if (root || claim(sweeper, node.target)) {
        entries.push({ target: node.target, label: node.label, countedFiles: async () => counted });
    }
    for (const id of node.files) {
        const target = { kind: 'file', id };
        if (!claim(sweeper, target))
            continue;
        entries.push({ target, label: `file ${id} (in ${node.label})`, countedFiles: async () => [id] });
    }
    for (const child of node.children)
        entries.push(...entriesOf(sweeper, child, false));
    return entries;
}
// The plan that grows with the shared entries: the files of the whole tree in one paged list (and its
// folders in another), and only the entries marked `shared` go on to have their links read. Entries this
// key cannot inspect (`shared` without `canShare`) are counted and named, never silently skipped. Each
// entry is handed to `early` as its page comes, so that its links are read while the listing goes on.
async function plannedEntries(sweeper, target, label, report, early) {
    // Known once both listings are complete, before any count is taken.
    const listed = {};
    // The entries to inspect, by `kind:id`, decided as each comes.
    const chosen = new Map();
    const consider = (entry, pending, own = false) => {
        // A portal that leaves the flag out is not trusted to have set it: the entry is inspected.
        if (entry.shared === false)
            return;
        if (entry.shared === true)
            sweeper.counts.shared++;
        if (!own && !claim(sweeper, pending.target))
            return;
        if (entry.shared === true && entry.canShare === false && !own) {
            report.notInspectable.push(pending.label);
            return;
        }
        chosen.set(`${pending.target.kind}:${pending.target.id}`, pending);
        if (!own)
            early(pending);
    };
    const onFolders = (folders) => {
        sweeper.counts.listed += folders.length;
        for (const folder of folders) {
            consider(folder, {
                target: { kind: 'folder', id: folder.id },
                label: `folder ${folder.id} (in ${label})`,
                // Asked for once the listings are complete, when the counts are taken.
                countedFiles: async () => (listed.tree ? (0,listing/* filesUnder */.mz)(listed.tree, folder.id, true) : [])
            });
        }
    };
    const onFiles = (files) => {
        sweeper.counts.listed += files.length;
        for (const file of files) {
            consider(file, {
                target: { kind: 'file', id: file.id },
                label: `file ${file.id} (in ${label})`,
                countedFiles: async () => [file.id]
            });
        }
    };
    const [files, folders] = await Promise.all([
        (0,listing/* listFiles */.CS)(sweeper.client, target.id, sweeper.recursive, onFiles),
        sweeper.recursive
            ? (0,listing/* listFolders */.uT)(sweeper.client, target.id, true, onFolders)
            : Promise.resolve({ items: [], unsettled: false, current: undefined })
    ]);
    if (files.unsettled || folders.unsettled) {
        report.notes.push(`${label} changed while it was listed: entries added meanwhile are left for the next sweep.`);
    }
    listed.tree = (0,listing/* fileTree */.DW)(files.items, folders.items);
    // The target itself: its own flag comes with the listing. Editing and data rooms always say
    // canShare=false on the room, though their managers can read its links, so it is asked anyway.
    const current = files.current ?? folders.current;
    consider(current ?? {}, {
        target,
        label,
        // Every file listed: those directly inside, or with `recursive` all those below.
        countedFiles: async () => files.items.map((f) => f.id),
        mayBeHidden: current?.shared === true && current.canShare === false
    }, true);
    // In the order of the listings: the target, its folders, its files.
    const keys = [
        `${target.kind}:${target.id}`,
        ...folders.items.map((f) => `folder:${f.id}`),
        ...files.items.map((f) => `file:${f.id}`)
    ];
    return keys.flatMap((key) => {
        const entry = chosen.get(key);
        return entry ? [entry] : [];
    });
}
// Phase 1 for one target: the entries whose links are to be read.
async function entriesOfTarget(sweeper, target, report, log, early = () => undefined) {
    const label = report.label;
    if (!claim(sweeper, target)) {
        log.info(`${label} was already swept with another target`);
        return [];
    }
    if (target.kind === 'file') {
        return [{ target, label, countedFiles: async () => [target.id] }];
    }
    if (sweeper.useFlags)
        return plannedEntries(sweeper, target, label, report, early);
    const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures);
    return entriesOf(sweeper, tree, true);
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
// Whether listings can be trusted to mark shared entries; the full walk otherwise, with a notice.
async function listingsMarkShared(client, log) {
    const version = await (0,portal_version/* docSpaceVersion */.ZJ)(client);
    const parsed = (0,portal_version/* parseVersion */.ot)(version);
    if (parsed && (0,portal_version/* versionAtLeast */.zy)(parsed, portal_version/* SHARED_FLAG_VERSION */.uI))
        return true;
    log.notice((version
        ? `The portal runs DocSpace ${version}, whose listings do not mark shared entries`
        : "The portal did not tell its DocSpace version, so its listings' shared marks are not trusted") +
        ': the sweep reads the links of every file and folder (about 2 requests per file).');
    return false;
}

;// CONCATENATED MODULE: ./src/operations/sweep.ts










// The sweep's phases live in links/: sweep-plan (which entries), sweep-entries (their links, the download
// counts, the policy) and sweep-report (the result). This module runs them under one request governor.
/** A long sweep says where it is at least this often. */
const PROGRESS_INTERVAL_MS = 10_000;
function progressLine(sweeper, governor) {
    const c = sweeper.counts;
    return (`Sweep progress (${sweeper.phase}): ${c.listed} entries listed, ${c.shared} shared, ` +
        `${c.inspected} inspected, ${c.notInspectable} not inspectable; ${governor.stats.requests} ` +
        `requests (ceiling ${governor.pacer.ceiling} a minute)`);
}
/**
 * Enforces the policy on many files, folders and rooms: expired links, download limits, `max-age` and
 * `title-pattern`. On portals from 3.5 on, a folder or room tree is listed in pages of 100 and only the
 * entries marked shared have their links read, so the requests grow with the shared entries, not with
 * the files. Every request runs through one pool under a client-side ceiling a minute; the portal's 429s
 * slow the pool down, and a used-up daily budget of writes stops the revokes and fails the step.
 */
async function sweep(request, context) {
    const policy = request.policy;
    const now = context.now();
    const { progressIntervalMs = PROGRESS_INTERVAL_MS, ...pacingSeam } = context.pacing ?? {};
    const pacing = {
        ...DEFAULT_PACING,
        windowMs: 60_000,
        requestsPerWindow: policy.requestsPerMinute,
        concurrency: Math.max(1, policy.concurrency),
        ...pacingSeam
    };
    const governor = new RequestGovernor(pacing, (kind, ms) => {
        context.log.warning(kind === 'concurrency'
            ? `The portal refused a request: too many in flight for this user (HTTP 429); the sweep runs ` +
                `${governor.pool.limit} at a time and pauses for ${(ms / 1000).toFixed(1)} s`
            : `The portal's rate limit was hit (HTTP 429): the sweep pauses for ${(ms / 1000).toFixed(1)} s ` +
                `and lowers its ceiling to ${governor.pacer.ceiling} requests a minute`);
    });
    const client = governor.wrap(context.client);
    const counts = {
        listed: 0,
        shared: 0,
        inspected: 0,
        notInspectable: 0,
        checked: 0,
        revoked: 0,
        kept: 0,
        left: 0,
        requests: 0
    };
    const targets = uniqueTargets(request.targets);
    const sweeper = {
        client,
        recursive: policy.recursive,
        useFlags: false,
        claimed: new Set(),
        listed: new Map(),
        counts,
        phase: 'starting'
    };
    const timer = setInterval(() => context.log.info(progressLine(sweeper, governor)), progressIntervalMs);
    timer.unref?.();
    const reports = targets.map((t) => newReport((0,links/* describeTarget */.ff)(t)));
    const logs = targets.map(() => new TargetLog());
    try {
        if (targets.some((t) => t.kind !== 'file')) {
            sweeper.useFlags = await listingsMarkShared(client, context.log);
        }
        sweeper.phase = 'listing';
        // The links of an entry are read as soon as its listing page has come, while the listing goes on:
        // the pool keeps every request slot busy instead of waiting for the last page.
        const plannedOf = new Map();
        const reads = [];
        const start = (entry, i) => {
            let plannedEntry = plannedOf.get(entry);
            if (!plannedEntry) {
                plannedEntry = {
                    ...entry,
                    report: reports[i],
                    log: logs[i],
                    listed: entry.target !== targets[i]
                };
                plannedOf.set(entry, plannedEntry);
                reads.push(readLinks(sweeper, plannedEntry));
            }
            return plannedEntry;
        };
        // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
        const planned = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target, i) => entriesOfTarget(sweeper, target, reports[i], logs[i], (entry) => void start(entry, i)));
        const entries = [];
        planned.forEach((settled, i) => {
            if (settled.status === 'rejected') {
                // Links read for its entries meanwhile are left as they are: nothing of a target that could
                // not be listed in full is swept.
                reports[i].failures.push(failureOf(reports[i].label, settled.reason));
                logs[i].warning(`${reports[i].label} could not be swept: ${(0,src_text/* messageOf */.b)(settled.reason)}`);
                return;
            }
            const pending = settled.value;
            if (targets[i].kind !== 'file')
                logs[i].info(`${reports[i].label}: ${pending.length} entries to inspect`);
            for (const entry of pending)
                entries.push(start(entry, i));
        });
        counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0);
        sweeper.phase = 'reading links';
        await Promise.all(reads);
        counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0);
        const ready = entries.filter((e) => e.links !== undefined);
        sweeper.phase = 'counting downloads';
        const base = {
            client,
            policy: (0,enforce/* limitPolicyOf */.ZN)(request, false),
            titlePattern: policy.titlePattern,
            dryRun: request.dryRun,
            now,
            countAll: false
        };
        const counter = sweeper.useFlags
            ? await downloadCounter(client, ready, base, now, context.log)
            : new audit/* DownloadCounter */.lN(client);
        sweeper.phase = 'revoking';
        const settings = { ...base, counter };
        await Promise.all(ready.map((entry) => sweepEntry(entry, settings, () => governor.writesStopped)));
    }
    finally {
        clearInterval(timer);
        reports.forEach((report, i) => {
            const revoked = report.links.filter((l) => l.action === 'revoked' || l.action === 'would-revoke');
            logs[i].info(`${report.label}: ${report.links.length} links checked, ${revoked.length} revoked`);
            logs[i].flush(context.log, report.label);
        });
    }
    return sweepResult(request, context, targets, reports, counts, governor);
}


/***/ }),

/***/ 9103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  anchorPattern: () => (/* reexport */ anchorPattern),
  matchFiles: () => (/* reexport */ matchFiles),
  runUpload: () => (/* binding */ runUpload),
  upload: () => (/* binding */ upload)
});

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/docspace/entries.ts
var entries = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/docspace/multipart.ts



// The multipart/form-data body both upload paths send: one file part streamed from disk, so memory does
// not grow with the file size, and a length known in advance.
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

;// CONCATENATED MODULE: ./src/docspace/stored-title.ts
// Names as DocSpace stores and compares them, so that a re-run finds the folder or file it made before.
// DocSpace replaces `\ / : * ? " < > |`, `+`, tabs and emoji (each UTF-16 half becomes `_`), trims the title
// and cuts it to 170 characters; it compares titles without regard to case or accents (a MySQL
// `utf8_general_ci` collation).
const MAX_STORED_TITLE_LENGTH = 170;
const REPLACED = /[\\/:*?"<>|+\t\uD800-\uDFFF]/g;
/** The title the portal will store for `name`. */
function storedTitle(name) {
    const title = name.replace(REPLACED, '_').trim();
    return title.length > MAX_STORED_TITLE_LENGTH ? title.slice(0, MAX_STORED_TITLE_LENGTH) : title;
}
function folded(title) {
    return title
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
}
/** Whether the portal treats `stored` as the same name as `name` (given as the user wrote it). */
function sameStoredTitle(stored, name) {
    return folded(stored) === folded(storedTitle(name));
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/docspace/upload-session.ts



// The chunked upload session, for files above the simple upload's limit: start a session on the portal's
// own origin, then send the chunks in order. Kept apart from the simple upload because the legacy chunk
// handler speaks its own reply format, not the API envelope.
const MiB = 1024 * 1024;
/** The server's `files:uploader:chunk-size` default; a larger chunk is refused. */
const MAX_CHUNK_SIZE = 10 * MiB;
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
 * Starts a chunked upload: `POST /api/2.0/files/{folderId}/session`, or on a portal that lacks it (404/405)
 * the obsolete `POST …/upload/create_session`. A session leaves no file behind until its last chunk
 * arrives, so starting another one is harmless: the client repeats it like an idempotent write.
 */
async function createUploadSession(client, folderId, file, options) {
    const json = {
        fileName: file.name,
        fileSize: file.size,
        createNewIfExist: options.createNewIfExist
    };
    let data;
    try {
        ;
        ({ data } = await client.request('POST', `/api/2.0/files/${folderId}/session`, { json, retry: 'idempotent' }));
    }
    catch (error) {
        const missing = error instanceof errors/* DocSpaceError */.z && (error.kind === 'not-found' || error.status === 405);
        if (!missing)
            throw error;
        client.log.debug('The portal has no files/{folderId}/session endpoint; using upload/create_session');
        ({ data } = await client.request('POST', `/api/2.0/files/${folderId}/upload/create_session`, { json, retry: 'idempotent' }));
    }
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
    const chunkSize = options.chunkSize ?? MAX_CHUNK_SIZE;
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

;// CONCATENATED MODULE: ./src/docspace/upload.ts








const upload_MiB = 1024 * 1024;
/** Files up to this size go in one multipart request. */
const SIMPLE_UPLOAD_LIMIT = 10 * upload_MiB;
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
    // The portal stores the name sanitised and matches it without regard to case.
    const name = storedTitle(file.name);
    const dot = name.lastIndexOf('.');
    const stem = (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
    const stored = after.filter((f) => {
        if (f.pureContentLength !== file.size)
            return false;
        const was = earlier.get(f.id);
        if (createNewIfExist)
            return was === undefined && f.title.toLowerCase().startsWith(stem);
        return (sameStoredTitle(f.title, file.name) &&
            (was === undefined || (f.version ?? 1) > (was.version ?? 1)));
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

;// CONCATENATED MODULE: ./src/docspace/settings.ts
/** The server's `files:uploader:chunk-size` default, used when the portal's setting cannot be read. */
const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024;
/**
 * `chunkUploadSize` of GET /api/2.0/files/settings: the largest chunk the portal takes (a larger one gets
 * `success: false`). Falls back to 10 MiB, and says why, when the setting cannot be read.
 */
async function readChunkSize(client) {
    try {
        const { data } = await client.request('GET', '/api/2.0/files/settings', { retry: 'read' });
        const size = data?.chunkUploadSize;
        if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0)
            return size;
        client.log.info('The portal did not give its upload chunk size; using 10 MiB chunks');
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        client.log.info(`Reading the upload chunk size failed (${why}); using 10 MiB chunks`);
    }
    return DEFAULT_CHUNK_SIZE;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(2377);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/workspace.ts



// `upload` reads what a pull request may have put in the workspace: a symbolic link `dist/etc -> /etc`, a
// pattern `/home/runner/.ssh/*`. It reads only regular files whose real path lies inside the workspace;
// anything else is refused in one line naming it, before a single byte is sent.
function inside(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
// The part of a pattern before its first segment with a wildcard: where its matches can lie.
function literalBase(pattern) {
    const segments = pattern.split(/[\\/]/);
    const first = segments.findIndex((s) => /[*?[\]]/.test(s));
    if (first < 0)
        return pattern;
    const base = segments.slice(0, first).join((external_node_path_default()).sep);
    return base !== '' ? base : /^[\\/]/.test(pattern) ? (external_node_path_default()).sep : '.';
}
/** Throws when a pattern can only match outside the workspace (`/etc/*`, `~/.ssh/*`, `../x/*`). */
function checkPatternInside(pattern, workspace) {
    const rest = pattern.replace(/^!+/, '');
    // An exclusion cannot add a file.
    if (rest !== pattern || rest === '')
        return;
    let base = literalBase(rest);
    if (base === '~' || base.startsWith('~/'))
        base = external_node_path_default().join(external_node_os_default().homedir(), base.slice(1));
    const resolved = external_node_path_default().resolve(workspace, base);
    if (!inside(resolved, external_node_path_default().resolve(workspace))) {
        throw new Error(`Input \`files\` pattern \`${pattern}\` points outside the workspace (${resolved}); upload reads ` +
            'only files inside GITHUB_WORKSPACE: give a path relative to it, like `dist/*.zip`');
    }
}
/**
 * Whether a matched path may be uploaded: true for a regular file inside the workspace, false for anything
 * that is not a regular file (a folder, a socket). Throws for a file reached through a symbolic link that
 * leads outside the workspace, or through any symbolic link unless `followSymlinks`.
 */
async function confinedFile(file, workspace, followSymlinks) {
    const shown = external_node_path_default().relative(workspace, file) || file;
    const realWorkspace = await (0,promises_.realpath)(workspace);
    const real = await (0,promises_.realpath)(file);
    if (!inside(real, realWorkspace)) {
        throw new Error(`Input \`files\` matches \`${shown}\`, a symbolic link (or a path through one) to ${real}, outside ` +
            'the workspace: upload reads only files inside GITHUB_WORKSPACE; remove the link or narrow the pattern');
    }
    const direct = external_node_path_default().join(realWorkspace, external_node_path_default().relative(external_node_path_default().resolve(workspace), external_node_path_default().resolve(file)));
    if (real !== direct && !followSymlinks) {
        throw new Error(`Input \`files\` matches \`${shown}\`, reached through a symbolic link: set \`follow-symlinks: true\` ` +
            'to upload files that links inside the workspace point to, or narrow the pattern');
    }
    // lstat of the real path: it is no link any more, so this is the kind of the file itself.
    const info = await (0,promises_.lstat)(real);
    if (!info.isFile())
        return false;
    return (await (0,promises_.stat)(real)).isFile();
}

;// CONCATENATED MODULE: ./src/file-patterns.ts




// The files an upload's `files` patterns match in the workspace, and the hint when they match nothing.
// Only the upload reads them; apart from it because they concern the runner's disk, not the portal.
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
async function matchFiles(patterns, workspace, followSymlinks = false) {
    const lines = patterns.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'));
    if (lines.length === 0)
        return [];
    for (const line of lines)
        checkPatternInside(line, workspace);
    const globber = await glob/* create */.v(lines.map((p) => anchorPattern(p, workspace)).join('\n'), {
        matchDirectories: false,
        // Files land side by side in one folder, so a folder pattern does not pull in its whole tree.
        implicitDescendants: false,
        followSymbolicLinks: followSymlinks
    });
    const paths = [...new Set(await globber.glob())].sort();
    const files = [];
    for (const file of paths) {
        if (!(await confinedFile(file, workspace, followSymlinks)))
            continue;
        const info = await (0,promises_.stat)(file);
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

;// CONCATENATED MODULE: ./src/github/event.ts
// What the upload needs to know about the workflow run: the repository, the event, and on a `release`
// event the release itself. The repository and the event's name come from the runner's variables, read once
// in inputs/. Only a `release` event's payload is read (the link title and the release notes need the
// release): through @actions/github's `context` (event-context.ts), which comes with octokit and is loaded
// in the chunk of the release notes, so that other runs start without it.
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
/**
 * The run as the runner describes it. On a `release` event, the payload named by GITHUB_EVENT_PATH is read
 * through the toolkit's `context`; other events need nothing from it.
 */
async function loadGitHubRun(env = process.env) {
    if (event_text(env.GITHUB_EVENT_NAME) !== 'release')
        return gitHubRunOf(env, {});
    let payload;
    try {
        const { eventPayload } = await Promise.all(/* import() | github */[__webpack_require__.e(413), __webpack_require__.e(326)]).then(__webpack_require__.bind(__webpack_require__, 2641));
        payload = eventPayload();
    }
    catch (error) {
        // The toolkit parses the payload file as it builds the context.
        if (error instanceof SyntaxError) {
            throw new Error('The event payload (GITHUB_EVENT_PATH) is not valid JSON', { cause: error });
        }
        throw error;
    }
    return gitHubRunOf(env, payload);
}
/** The default link title on a release: `<repo> <tag>`. */
function releaseLinkTitle(run) {
    if (!run.release)
        return undefined;
    return run.repository ? `${run.repository.repo} ${run.release.tagName}` : run.release.tagName;
}

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
/**
 * Reads the release by id (the event payload holds the body as it was when the run started, so a
 * re-run must not trust it) and writes the body back with the section replaced. Returns whether the
 * body changed.
 */
async function updateReleaseNotes(update) {
    // octokit and what it needs are a chunk of their own, loaded only here.
    const { releasesApi } = await Promise.all(/* import() | github */[__webpack_require__.e(413), __webpack_require__.e(326)]).then(__webpack_require__.bind(__webpack_require__, 8020));
    const api = releasesApi({
        apiUrl: update.apiUrl,
        token: update.token,
        timeoutMs: update.timeoutMs ?? 30_000,
        attempts: update.attempts ?? 3
    });
    const release = await api.getRelease(update.repository, update.releaseId);
    const current = release.body ?? '';
    const next = replaceSection(current, update.section);
    if (next === current)
        return false;
    if (next.length > MAX_RELEASE_BODY) {
        throw new Error(`The release notes with the links would be ${next.length} characters long; GitHub allows ${MAX_RELEASE_BODY}`);
    }
    await api.setReleaseBody(update.repository, update.releaseId, next);
    return true;
}

// EXTERNAL MODULE: ./src/links/link-state.ts
var link_state = __webpack_require__(7893);
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
;// CONCATENATED MODULE: ./src/links/upload-destination.ts




// The folder an upload goes into: the given folder or room, or a subfolder of it found or created the way
// the portal matches names, without ever making a duplicate after a lost answer.
// DocSpace stores a folder's name sanitised and compares names without regard to case, and it never
// refuses a second folder of the same name: the subfolder is looked for the way the portal matches names.
function findSubfolder(folders, name) {
    const matches = folders.filter((f) => sameStoredTitle(f.title, name));
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

;// CONCATENATED MODULE: ./src/links/upload-progress.ts
// How an upload reports its progress in the log: sizes in MiB, a line for each tenth of a large file.
const upload_progress_MiB = 1024 * 1024;
/** Files above this size log their progress. */
const PROGRESS_THRESHOLD = 50 * upload_progress_MiB;
const PROGRESS_STEP = 10;
function mib(bytes) {
    return (bytes / upload_progress_MiB).toFixed(1);
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

// EXTERNAL MODULE: ./src/links/share-link.ts
var share_link = __webpack_require__(8703);
;// CONCATENATED MODULE: ./src/links/uploaded-link.ts

/** The request createLink gets for one uploaded file. */
function fileLinkRequest(request, fileId, title) {
    return { ...request, targets: [{ kind: 'file', id: fileId }], link: { ...request.link, title } };
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

// EXTERNAL MODULE: ./src/links/create-link.ts
var create_link = __webpack_require__(1690);
;// CONCATENATED MODULE: ./src/operations/upload.ts














// The upload's steps live in their own modules: the files the patterns match (file-patterns), the folder
// they go into (links/upload-destination), their progress lines and their `links` entries (links/).
// This module runs them in order, and adds the links to the release notes.
// What tests and callers reach through the upload operation.

async function upload(request, context) {
    return runUpload(request, context, {
        workspace: request.runner.workspace,
        github: await loadGitHubRun(request.runner.github)
    });
}
function linkTitle(request, github, file) {
    return request.link.title ?? releaseLinkTitle(github) ?? file.name;
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
        const same = present.find((f) => sameStoredTitle(f.title, file.name));
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
            const result = await (0,create_link/* createLink */.d)(fileLinkRequest(request, same.id, title), context, same);
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
    const files = await matchFiles(settings.files, env.workspace, settings.followSymlinks);
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
    const chunkSize = env.chunkSize ?? (await readChunkSize(context.client));
    const links = [];
    const failures = [];
    for (const [index, file] of files.entries()) {
        let uploaded;
        const started = external_node_perf_hooks_.performance.now();
        try {
            uploaded = await uploadFile(context.client, folderId, file, {
                createNewIfExist: !settings.overwrite,
                chunkSize,
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
        const rate = seconds > 0 && file.size >= upload_progress_MiB ? ` at ${mib(file.size / seconds)} MiB/s` : '';
        const version = uploaded.version ?? 1;
        const how = version > 1
            ? `as version ${version} of file ${uploaded.id}`
            : `as file ${uploaded.id}${uploaded.title && uploaded.title !== file.name ? ` "${uploaded.title}"` : ''}`;
        context.log.info(`Uploaded ${file.name} (${formatSize(file.size)}) ${how} in ${seconds.toFixed(1)} s${rate}`);
        if (uploaded.title && uploaded.title !== file.name) {
            const why = uploaded.title === storedTitle(file.name)
                ? 'the portal replaces characters it does not allow in names'
                : 'a file of that name was already there';
            notes.push(`${file.name} is stored as "${uploaded.title}": ${why}.`);
        }
        if (!settings.createLinks) {
            links.push(bareEntry(file, uploaded));
            continue;
        }
        try {
            const title = linkTitle(request, env.github, file);
            // The uploaded file's own answer tells its name and rights: no second read before the link.
            const result = await (0,create_link/* createLink */.d)(fileLinkRequest(request, uploaded.id, title), context, uploaded);
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
