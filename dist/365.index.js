export const id = 365;
export const ids = [365];
export const modules = {

/***/ 9365:
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
// EXTERNAL MODULE: ./src/links/share-link.ts
var share_link = __webpack_require__(8703);
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
async function readDownloadWindow(client, window) {
    const byFile = new Map();
    const seen = new Set();
    let firstIds;
    for (let page = 0; page < window.maxPages; page++) {
        const batch = await (0,audit/* auditPage */.ns)(client, {
            moduleType: MODULE_FILES,
            actionType: audit/* ACTION_TYPE_DOWNLOAD */.n1,
            from: window.from ? (0,share_link/* isoUtc */.u8)(window.from) : undefined,
            to: (0,share_link/* isoUtc */.u8)(window.to),
            startIndex: page * PAGE_SIZE,
            count: PAGE_SIZE
        });
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
// EXTERNAL MODULE: ./src/docspace/errors.ts
var errors = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/docspace/links.ts
var links = __webpack_require__(2713);
// EXTERNAL MODULE: ./src/links/share-rights.ts
var share_rights = __webpack_require__(5356);
// EXTERNAL MODULE: ./src/docspace/listing.ts
var listing = __webpack_require__(752);
// EXTERNAL MODULE: ./src/docspace/portal-version.ts
var portal_version = __webpack_require__(8125);
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
        const wrapped = Object.create(client);
        wrapped.request = (method, path, options = {}) => this.request(client, method.toUpperCase(), path, options);
        return wrapped;
    }
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

// EXTERNAL MODULE: ./src/operations/enforce-limits.ts + 1 modules
var enforce_limits = __webpack_require__(267);
;// CONCATENATED MODULE: ./src/operations/sweep.ts











/** Folders deeper than this below a swept folder are not descended into (full walk). */
const MAX_DEPTH = 32;
/** A long sweep says where it is at least this often. */
const PROGRESS_INTERVAL_MS = 10_000;
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
// "file 12: File 12 was not found…" says it twice: name the target only when the message does not.
function failureOf(label, error) {
    const message = messageOf(error);
    const named = !label.includes(' (') && message.toLowerCase().startsWith(label.toLowerCase());
    return named ? message : `${label}: ${message}`;
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
function newReport(label) {
    return { label, links: [], notes: [], failures: [], uncounted: [], notInspectable: [], left: 0 };
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
// key cannot inspect (`shared` without `canShare`) are counted and named, never silently skipped.
async function plannedEntries(sweeper, target, label, report) {
    const [files, folders] = await Promise.all([
        (0,listing/* listFiles */.CS)(sweeper.client, target.id, sweeper.recursive),
        sweeper.recursive
            ? (0,listing/* listFolders */.uT)(sweeper.client, target.id, true)
            : Promise.resolve({ items: [], unsettled: false, current: undefined })
    ]);
    sweeper.counts.listed += files.items.length + folders.items.length;
    if (files.unsettled || folders.unsettled) {
        report.notes.push(`${label} changed while it was listed: entries added meanwhile are left for the next sweep.`);
    }
    const tree = (0,listing/* fileTree */.DW)(files.items, folders.items);
    const entries = [];
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
        entries.push(pending);
    };
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
    for (const folder of folders.items) {
        const sub = { kind: 'folder', id: folder.id };
        consider(folder, {
            target: sub,
            label: `folder ${folder.id} (in ${label})`,
            countedFiles: async () => (0,listing/* filesUnder */.mz)(tree, folder.id, true)
        });
    }
    for (const file of files.items) {
        const sub = { kind: 'file', id: file.id };
        consider(file, {
            target: sub,
            label: `file ${file.id} (in ${label})`,
            countedFiles: async () => [file.id]
        });
    }
    return entries;
}
// Phase 1 for one target: the entries whose links are to be read.
async function entriesOfTarget(sweeper, target, report, log) {
    const label = report.label;
    if (!claim(sweeper, target)) {
        log.info(`${label} was already swept with another target`);
        return [];
    }
    if (target.kind === 'file') {
        return [{ target, label, countedFiles: async () => [target.id] }];
    }
    if (sweeper.useFlags)
        return plannedEntries(sweeper, target, label, report);
    const tree = await expand(sweeper, target, label, 0, new Set([target.id]), report.failures);
    return entriesOf(sweeper, tree, true);
}
// A listed entry gone by the time its links are read was removed meanwhile: nothing to sweep there. Only
// when the entry itself is gone too: a 404 from the links endpoint alone is a failure like any other.
async function removedMeanwhile(sweeper, entry, error) {
    if (!entry.listed || !(error instanceof errors/* DocSpaceError */.z) || error.kind !== 'not-found')
        return false;
    try {
        if (entry.target.kind === 'file')
            await (0,entries/* getFile */.ly)(sweeper.client, entry.target.id);
        else
            await (0,entries/* getFolder */.L2)(sweeper.client, entry.target);
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
        if (await removedMeanwhile(sweeper, entry, error)) {
            entry.log.info(`${entry.label} was removed during the sweep`);
            entry.links = [];
            return;
        }
        entry.report.failures.push(failureOf(entry.label, error));
        entry.log.warning(`${entry.label} could not be swept: ${messageOf(error)}`);
    }
}
async function sweepEntry(entry, settings, writesStopped) {
    const { report, log } = entry;
    let outcome;
    try {
        outcome = await (0,enforce_limits.enforceOnEntry)(entry, { ...settings, log });
    }
    catch (error) {
        report.failures.push(failureOf(entry.label, error));
        log.warning(`${entry.label} could not be swept: ${messageOf(error)}`);
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
        const links = (0,enforce_limits.linksNeedingCount)(entry.links ?? [], settings);
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
        log.warning(`The downloads could not be counted: ${messageOf(error)}`);
        return new WindowedCounter(client, undefined, undefined, error);
    }
    return new WindowedCounter(client, window);
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
        // Enough targets in flight to keep every request slot busy; the pool bounds the requests themselves.
        const planned = await settleEach(targets, Math.max(4, policy.concurrency * 4), (target, i) => entriesOfTarget(sweeper, target, reports[i], logs[i]));
        const entries = [];
        planned.forEach((settled, i) => {
            if (settled.status === 'rejected') {
                reports[i].failures.push(failureOf(reports[i].label, settled.reason));
                logs[i].warning(`${reports[i].label} could not be swept: ${messageOf(settled.reason)}`);
                return;
            }
            const pending = settled.value;
            if (targets[i].kind !== 'file')
                logs[i].info(`${reports[i].label}: ${pending.length} entries to inspect`);
            for (const entry of pending) {
                entries.push({
                    ...entry,
                    report: reports[i],
                    log: logs[i],
                    listed: entry.target !== targets[i]
                });
            }
        });
        counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0);
        sweeper.phase = 'reading links';
        await Promise.all(entries.map((entry) => readLinks(sweeper, entry)));
        counts.notInspectable = reports.reduce((n, r) => n + r.notInspectable.length, 0);
        const ready = entries.filter((e) => e.links !== undefined);
        sweeper.phase = 'counting downloads';
        const base = {
            client,
            policy: (0,enforce_limits.limitPolicyOf)(request, false),
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


/***/ })

};
