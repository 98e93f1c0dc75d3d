export const id = 789;
export const ids = [789];
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


/***/ })

};
