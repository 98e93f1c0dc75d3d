export const id = 83;
export const ids = [83];
export const modules = {

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L2: () => (/* binding */ getFolder),
/* harmony export */   bt: () => (/* binding */ listFolder),
/* harmony export */   ly: () => (/* binding */ getFile),
/* harmony export */   vV: () => (/* binding */ createFolder)
/* harmony export */ });
/* unused harmony export folderContents */
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
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function failed(file, error) {
    return new Error(`Uploading ${file.name} failed: ${messageOf(error)}`, { cause: error });
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
            throw new Error(`chunk ${index + 1} of ${chunks}: ${messageOf(error)}`, { cause: error });
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
// EXTERNAL MODULE: ./src/operations/create-link.ts
var create_link = __webpack_require__(6477);
;// CONCATENATED MODULE: ./src/operations/upload.ts













const upload_MiB = 1024 * 1024;
/** Files above this size log their progress. */
const PROGRESS_THRESHOLD = 50 * upload_MiB;
const PROGRESS_STEP = 10;
async function upload(request, context) {
    return runUpload(request, context, {
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        github: await loadGitHubRun()
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
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function upload_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
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
        headline: `Would upload ${plural(files.length, 'file')} to ${destination.label}`,
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
    context.log.info(`${plural(files.length, 'file')} to upload (${formatSize(total)}): ${files.map((f) => f.name).join(', ')}`);
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
            failures.push(upload_messageOf(error));
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
            failures.push(`Sharing ${file.name} (file ${uploaded.id}) failed: ${upload_messageOf(error)}`);
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
                failures.push(`Updating the notes of release ${release.tagName} failed: ${upload_messageOf(error)}`);
            }
        }
    }
    const done = links.length;
    const where = `${plural(done, 'file')}${done < files.length ? ` of ${files.length}` : ''} to ${destination.label}`;
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
