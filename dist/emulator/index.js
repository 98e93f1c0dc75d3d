import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  vE: () => (/* reexport */ ADMIN_EMAIL),
  qw: () => (/* reexport */ ADMIN_PASSWORD),
  hD: () => (/* reexport */ ApiError),
  RB: () => (/* reexport */ EmulatorState),
  $Y: () => (/* reexport */ EntryType),
  Mu: () => (/* reexport */ FileShare),
  EV: () => (/* reexport */ LinkActions),
  J: () => (/* reexport */ LinkType),
  CJ: () => (/* reexport */ RoomType),
  PQ: () => (/* reexport */ SubjectType),
  JI: () => (/* reexport */ USER_EMAIL),
  ur: () => (/* reexport */ USER_PASSWORD),
  hR: () => (/* reexport */ Unauthorized),
  yI: () => (/* reexport */ ValidationError),
  ke: () => (/* reexport */ applySeed),
  li: () => (/* reexport */ badRequest),
  pr: () => (/* reexport */ defaultSeed),
  o0: () => (/* reexport */ forbidden),
  mX: () => (/* reexport */ notFound),
  ok: () => (/* reexport */ ok),
  ak: () => (/* binding */ runCli),
  sJ: () => (/* reexport */ startEmulator)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./emulator/http.ts

function ok(response, extra = {}) {
    return { ...extra, kind: 'envelope', statusCode: extra.statusCode ?? 200, response };
}
/** An exception the server maps to the error envelope: `{error: {message, type, stack, hresult}}`. */
class ApiError extends Error {
    statusCode;
    type;
    hresult;
    constructor(statusCode, message, 
    /** The .NET exception type; null for the cases where the server omits details (401, 415…). */
    type = 'System.Exception', hresult = -2146233088) {
        super(message);
        this.statusCode = statusCode;
        this.type = type;
        this.hresult = hresult;
    }
}
const notFound = (message = 'Item not found') => new ApiError(404, message, 'ASC.Common.Web.ItemNotFoundException', -2146233088);
/** ArgumentException → 400. */
const badRequest = (message) => new ApiError(400, message, 'System.ArgumentException', -2147024809);
/** InvalidOperationException → 403 with its own message (role not available, link limits). */
const forbidden = (message) => new ApiError(403, message, 'System.InvalidOperationException', -2146233079);
/** Model binding failure: HTTP 400 with a ValidationProblemDetails inside the success envelope. */
class ValidationError extends Error {
    errors;
    constructor(errors) {
        super('One or more validation errors occurred.');
        this.errors = errors;
    }
}
/** The authentication challenge: 401 with an empty body. */
class Unauthorized extends Error {
    constructor() {
        super('Unauthorized');
    }
}
/** Request bodies larger than this are refused with 413. */
const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Drops null and undefined object properties recursively, as the server's JSON options do. */
function omitNulls(value) {
    if (Array.isArray(value))
        return value.map(omitNulls);
    if (value instanceof Date || value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
        if (v !== null && v !== undefined)
            out[k] = omitNulls(v);
    }
    return out;
}
function successEnvelope(reply, href, method) {
    const hasResponse = reply.response !== undefined && reply.response !== null;
    const count = reply.count ?? (!hasResponse ? 0 : Array.isArray(reply.response) ? reply.response.length : 1);
    return omitNulls({
        response: reply.response,
        count,
        total: reply.total,
        links: [{ href, action: method }],
        status: 0,
        statusCode: reply.statusCode
    });
}
function validationEnvelope(errors, href, method) {
    const traceId = `00-${(0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex')}-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}-00`;
    return {
        response: {
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
            title: 'One or more validation errors occurred.',
            status: 400,
            errors,
            traceId
        },
        count: 1,
        links: [{ href, action: method }],
        status: 1,
        statusCode: 400
    };
}
/** The error envelope keeps its nulls: the server writes it with plain JSON defaults. */
function errorEnvelope(error) {
    const detailed = error.type !== null;
    return {
        error: {
            message: error.message,
            type: error.type,
            stack: detailed ? `   at ${error.type}` : null,
            hresult: detailed ? error.hresult : 0
        },
        status: 1,
        statusCode: error.statusCode
    };
}
function writeJson(res, statusCode, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(statusCode, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(text)),
        ...headers
    });
    res.end(text);
}
function writeEmpty(res, statusCode, headers = {}) {
    res.writeHead(statusCode, { 'Content-Length': '0', ...headers });
    res.end();
}
/** Reads the whole body, refusing (413) more than `limit` bytes. */
function readBody(req, limit) {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
            reject(tooLarge(limit));
            return;
        }
        const chunks = [];
        let size = 0;
        let failed = false;
        req.on('data', (chunk) => {
            if (failed)
                return;
            size += chunk.length;
            if (size > limit) {
                failed = true;
                reject(tooLarge(limit));
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => {
            if (!failed)
                resolve(Buffer.concat(chunks));
        });
        req.on('error', (err) => {
            if (!failed)
                reject(err);
        });
    });
}
function tooLarge(limit) {
    return new ApiError(413, `Request body exceeds ${limit} bytes`, null, 0);
}
/** Parses a JSON request body like [FromBody] binding: empty or malformed → 400 validation. */
function parseJsonBody(raw) {
    const text = raw.toString('utf8').trim();
    if (text === '') {
        throw new ValidationError({ '': ['A non-empty request body is required.'] });
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ValidationError({ $: ['The request body is not valid JSON.'] });
    }
}

;// CONCATENATED MODULE: ./emulator/dates.ts
// ApiDateTime as the DocSpace server writes and reads it: output is portal-local time with seven
// fractional digits and an offset (`Z` when the portal offset is zero); input is an ISO string.
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** `2025-06-30T03:00:00.0000000+03:00` for offset 180, `…Z` for offset 0. */
function formatApiDate(date, offsetMinutes = 0) {
    const local = new Date(date.getTime() + offsetMinutes * 60_000);
    const body = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
        `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
        `.${pad(local.getUTCMilliseconds(), 3)}0000`;
    if (offsetMinutes === 0)
        return `${body}Z`;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    return `${body}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/**
 * Reads a date string the way the server's converter would, or returns undefined. A string without an
 * offset is read in the server's own zone; the emulator's zone is UTC.
 */
function parseApiDate(text) {
    const m = ISO.exec(text.trim());
    if (!m) {
        // The server falls back to a lenient parse as well.
        const lenient = Date.parse(text);
        return Number.isNaN(lenient) ? undefined : new Date(lenient);
    }
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
    const ms = Number((frac + '000').slice(0, 3));
    let utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    const check = new Date(utc);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d))
        return undefined;
    if (zone && zone.toUpperCase() !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    return new Date(utc);
}
function addYears(date, years) {
    const out = new Date(date.getTime());
    out.setUTCFullYear(out.getUTCFullYear() + years);
    return out;
}

;// CONCATENATED MODULE: ./emulator/context.ts


function createContext(init) {
    const { req, res, portal } = init;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? new URL(portal.url).host}`);
    const query = {};
    for (const [k, v] of url.searchParams)
        if (!(k in query))
            query[k] = v;
    const method = (req.method ?? 'GET').toUpperCase();
    let bodyPromise;
    const ctx = {
        req,
        res,
        method,
        url,
        path: url.pathname,
        query,
        params: {},
        user: init.user,
        state: init.state,
        portal,
        startedAt: new Date(),
        locals: {},
        body() {
            bodyPromise ??= readBody(req, init.bodyLimit);
            return bodyPromise;
        },
        async json() {
            return parseJsonBody(await ctx.body());
        },
        send(reply) {
            if (res.headersSent || res.destroyed)
                return;
            const href = url.href;
            switch (reply.kind) {
                case 'envelope':
                    writeJson(res, reply.statusCode, successEnvelope(reply, href, method), reply.headers);
                    break;
                case 'json':
                    writeJson(res, reply.statusCode, reply.body, reply.headers);
                    break;
                case 'raw':
                    if (reply.body === undefined) {
                        writeEmpty(res, reply.statusCode, reply.headers);
                    }
                    else {
                        res.writeHead(reply.statusCode, {
                            'Content-Length': String(Buffer.byteLength(reply.body)),
                            ...reply.headers
                        });
                        res.end(reply.body);
                    }
                    break;
            }
        },
        fail(error) {
            if (res.headersSent || res.destroyed) {
                res.destroy();
                return;
            }
            if (error instanceof Unauthorized) {
                writeEmpty(res, 401);
            }
            else if (error instanceof ValidationError) {
                writeJson(res, 400, omitNulls(validationEnvelope(error.errors, url.href, method)));
            }
            else if (error instanceof ApiError) {
                // An unread oversized body would otherwise keep the connection busy.
                const headers = error.statusCode === 413 ? { Connection: 'close' } : {};
                writeJson(res, error.statusCode, errorEnvelope(error), headers);
            }
            else {
                const message = error instanceof Error ? error.message : String(error);
                writeJson(res, 500, errorEnvelope(new ApiError(500, message)));
            }
        }
    };
    return ctx;
}
function makePortal(url, timeZoneOffsetMinutes) {
    return { url, timeZoneOffsetMinutes, date: (d) => formatApiDate(d, timeZoneOffsetMinutes) };
}

;// CONCATENATED MODULE: ./emulator/router.ts

function parsePattern(pattern) {
    return pattern
        .split('/')
        .filter(Boolean)
        .map((part) => {
        const m = /^\{(\w+)(:int)?\}$/.exec(part);
        return m ? { param: m[1], int: m[2] !== undefined } : { literal: part.toLowerCase() };
    });
}
function matchSegments(segments, parts) {
    if (segments.length !== parts.length)
        return undefined;
    const params = {};
    for (let i = 0; i < parts.length; i++) {
        const seg = segments[i];
        const part = parts[i];
        if ('literal' in seg) {
            // ASP.NET routes ignore case.
            if (seg.literal !== part.toLowerCase())
                return undefined;
        }
        else {
            if (seg.int && !/^-?\d{1,10}$/.test(part))
                return undefined;
            params[seg.param] = part;
        }
    }
    return params;
}
class Router {
    routes = [];
    /**
     * Registers `handler` for `method` and a path pattern such as `/api/2.0/files/file/{id:int}/links`
     * (`{name}` matches one segment, `{name:int}` only an integer). The first registered match wins.
     */
    route(method, pattern, handler, options = {}) {
        this.routes.push({
            method: method.toUpperCase(),
            pattern,
            segments: parsePattern(pattern),
            handler,
            options
        });
    }
    /** Routes served, for diagnostics. */
    list() {
        return this.routes.map(({ method, pattern }) => ({ method, pattern }));
    }
    /** Runs the matching route: 404 for an unknown path, 405 for a known path with another method. */
    async dispatch(ctx) {
        const parts = ctx.path
            .split('/')
            .filter(Boolean)
            .map((p) => safeDecode(p));
        let pathKnown = false;
        for (const route of this.routes) {
            const params = matchSegments(route.segments, parts);
            if (!params)
                continue;
            pathKnown = true;
            if (route.method !== ctx.method)
                continue;
            ctx.params = params;
            if (!route.options.anonymous && !ctx.user)
                throw new Unauthorized();
            const reply = await route.handler(ctx);
            if (reply)
                ctx.send(reply);
            return;
        }
        if (pathKnown) {
            ctx.send({ kind: 'raw', statusCode: 405 });
            return;
        }
        throw new ApiError(404, `No route for ${ctx.method} ${ctx.path}`, null, 0);
    }
}
function safeDecode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}

;// CONCATENATED MODULE: ./emulator/auth.ts
const AUTH_COOKIE = 'asc_auth_key';
function cookie(req, name) {
    for (const part of (req.headers.cookie ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0 && part.slice(0, eq).trim() === name)
            return part.slice(eq + 1).trim();
    }
    return undefined;
}
/**
 * `Bearer sk-…` is an API key; `Basic` is e-mail and password; any other Authorization value is a
 * session token (a leading `Bearer ` stripped); without the header, the `asc_auth_key` cookie. A bare
 * `sk-…` is therefore read as a token and fails, as on the server.
 */
function identify(req, directory) {
    const header = req.headers.authorization?.trim();
    if (!header) {
        const token = cookie(req, AUTH_COOKIE);
        return token ? directory.byToken(decodeURIComponent(token)) : undefined;
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(header);
    if (bearer && bearer[1].startsWith('sk-'))
        return directory.byApiKey(bearer[1]);
    const basic = /^Basic\s+(.+)$/i.exec(header);
    if (basic) {
        const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        return colon < 0
            ? undefined
            : directory.byCredentials(decoded.slice(0, colon), decoded.slice(colon + 1));
    }
    return directory.byToken(bearer ? bearer[1] : header);
}

;// CONCATENATED MODULE: ./emulator/users.ts
// The portal's people: a portal admin and a regular user who owns the seeded entries.

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'emulator-admin-password';
const USER_EMAIL = 'user@example.com';
const USER_PASSWORD = 'emulator-user-password';
/** Session tokens from POST /authentication live this long. */
const TOKEN_LIFETIME_MS = 30 * 24 * 3600_000;
class Directory {
    admin;
    user;
    apiKeys = new Map();
    tokens = new Map();
    constructor() {
        this.admin = {
            id: (0,external_node_crypto_namespaceObject.randomUUID)(),
            email: ADMIN_EMAIL,
            displayName: 'Portal Administrator',
            isAdmin: true,
            password: ADMIN_PASSWORD
        };
        this.user = {
            id: (0,external_node_crypto_namespaceObject.randomUUID)(),
            email: USER_EMAIL,
            displayName: 'Release Manager',
            isAdmin: false,
            password: USER_PASSWORD
        };
    }
    users() {
        return [this.admin, this.user];
    }
    byId(id) {
        return this.users().find((u) => u.id === id);
    }
    /** userName is matched case-insensitively, as e-mail logins are. */
    byCredentials(userName, password) {
        const name = userName.trim().toLowerCase();
        return this.users().find((u) => u.email === name && u.password === password);
    }
    /** A new `sk-…` personal access token of the user. */
    createApiKey(userId) {
        const key = `sk-${(0,external_node_crypto_namespaceObject.randomBytes)(24).toString('hex')}`;
        this.apiKeys.set(key, userId);
        return key;
    }
    byApiKey(key) {
        const id = this.apiKeys.get(key);
        return id === undefined ? undefined : this.byId(id);
    }
    issueToken(userId, now = new Date()) {
        const token = (0,external_node_crypto_namespaceObject.randomBytes)(48).toString('base64url');
        const session = { userId, expires: new Date(now.getTime() + TOKEN_LIFETIME_MS) };
        this.tokens.set(token, session);
        return { token, ...session };
    }
    byToken(token, now = new Date()) {
        const session = this.tokens.get(token);
        if (!session || session.expires <= now)
            return undefined;
        return this.byId(session.userId);
    }
}

;// CONCATENATED MODULE: ./emulator/enums.ts
// Numeric enumerations as the server puts them on the wire.
const RoomType = {
    FillingFormsRoom: 1,
    EditingRoom: 2,
    CustomRoom: 5,
    PublicRoom: 6,
    VirtualDataRoom: 8,
    AiRoom: 9
};
const FileShare = {
    None: 0,
    ReadWrite: 1,
    Read: 2,
    Restrict: 3,
    Varies: 4,
    Review: 5,
    Comment: 6,
    FillForms: 7,
    CustomFilter: 8,
    RoomManager: 9,
    Editing: 10,
    ContentCreator: 11
};
const SubjectType = {
    User: 0,
    ExternalLink: 1,
    Group: 2,
    InvitationLink: 3,
    PrimaryExternalLink: 4
};
const LinkType = { Invitation: 0, External: 1 };
/** Audit EntryType of a journal event. */
const EntryType = { File: 1, Folder: 2, Room: 25 };
/** MessageAction codes of link changes, by what the link belongs to. */
const LinkActions = {
    file: { created: 5091, updated: 5092, deleted: 5093 },
    folder: { created: 5122, updated: 5123, deleted: 5124 },
    room: { created: 5088, updated: 5089, deleted: 5090 },
    roomInvitation: { created: 5086, updated: 5082, deleted: 5087 },
    /** The primary link of a public or form-filling room was revoked and replaced. */
    roomRevoked: 5097
};

;// CONCATENATED MODULE: ./emulator/state.ts
// The in-memory portal: folders, rooms, files, their share links, the users, and an ordered journal of
// events that the audit trail reads.



const DEFAULT_LINK_TITLE = 'Shared link';
function entryTypeOf(entry) {
    return entry.kind === 'file'
        ? EntryType.File
        : entry.kind === 'room'
            ? EntryType.Room
            : EntryType.Folder;
}
/** Primary first, then invitation, then additional links; creation order within each. */
function linkOrder(a, b) {
    return b.subjectType - a.subjectType || a.createdAt.getTime() - b.createdAt.getTime();
}
class EmulatorState {
    directory = new Directory();
    journal = [];
    myDocumentsId;
    /** The system folder that holds the rooms. */
    roomsFolderId;
    lastId = 0;
    entries = new Map();
    linksByEntry = new Map();
    constructor() {
        this.myDocumentsId = this.insertFolder('My documents', 0).id;
        this.roomsFolderId = this.insertFolder('Rooms', 0).id;
    }
    // ---- reading ----
    entry(id) {
        return this.entries.get(id);
    }
    file(id) {
        const e = this.entries.get(id);
        return e?.kind === 'file' ? e : undefined;
    }
    /** Rooms are folders too. */
    folder(id) {
        const e = this.entries.get(id);
        return e && e.kind !== 'file' ? e : undefined;
    }
    room(id) {
        const e = this.entries.get(id);
        return e?.kind === 'room' ? e : undefined;
    }
    /** Direct children, each list sorted by title. */
    children(folderId) {
        const folders = [];
        const files = [];
        for (const e of this.entries.values()) {
            if (e.parentId !== folderId || e.id === folderId)
                continue;
            if (e.kind === 'file')
                files.push(e);
            else
                folders.push(e);
        }
        const byTitle = (a, b) => a.title.localeCompare(b.title, 'en') || a.id - b.id;
        return { folders: folders.sort(byTitle), files: files.sort(byTitle) };
    }
    /** Folders from the root down to `folderId` itself. */
    path(folderId) {
        const out = [];
        for (let f = this.folder(folderId); f; f = f.parentId ? this.folder(f.parentId) : undefined) {
            out.unshift(f);
            if (out.length > 1000)
                break;
        }
        return out;
    }
    /** The room an entry is in (a room is in itself), if any. */
    roomOf(entryId) {
        const entry = this.entry(entryId);
        if (!entry)
            return undefined;
        if (entry.kind === 'room')
            return entry;
        return this.path(entry.parentId).find((f) => f.kind === 'room');
    }
    /**
     * Links of an entry in the order the server lists them (primary first). `kind` 'folder' also
     * finds a room's links, as rooms are folders. The records are live: mutate through the API.
     */
    links(kind, id) {
        const entry = this.entry(id);
        if (!entry || !kindMatches(kind, entry))
            return [];
        return [...(this.linksByEntry.get(id) ?? [])].sort(linkOrder);
    }
    link(entryId, linkId) {
        const id = linkId.toLowerCase();
        return this.linksByEntry.get(entryId)?.find((l) => l.id === id);
    }
    // ---- seeding (no validation beyond referential integrity, no journal) ----
    addFolder(input) {
        const parentId = input.parentId ?? this.myDocumentsId;
        if (!this.folder(parentId))
            throw new Error(`No folder ${parentId} to put "${input.title}" in`);
        return this.insertFolder(input.title, parentId);
    }
    addRoom(input) {
        const roomType = input.roomType ?? RoomType.CustomRoom;
        if (!Object.values(RoomType).includes(roomType)) {
            throw new Error(`Unknown room type ${roomType}`);
        }
        const room = {
            ...this.newEntry(input.title, this.roomsFolderId),
            kind: 'room',
            roomType
        };
        this.entries.set(room.id, room);
        return room;
    }
    addFile(input) {
        if (!this.folder(input.parentId)) {
            throw new Error(`No folder ${input.parentId} to put "${input.title}" in`);
        }
        const content = input.content === undefined
            ? undefined
            : Buffer.isBuffer(input.content)
                ? input.content
                : Buffer.from(input.content, 'utf8');
        const file = {
            ...this.newEntry(input.title, input.parentId),
            kind: 'file',
            content,
            size: content?.length ?? input.size ?? 0,
            version: 1
        };
        this.entries.set(file.id, file);
        return file;
    }
    /** Stores a link as given, so tests can create links the API would refuse (e.g. already expired). */
    addLink(target, seed = {}) {
        const entry = this.entry(target.id);
        if (!entry || !kindMatches(target.kind, entry)) {
            throw new Error(`No ${target.kind} ${target.id} to add a link to`);
        }
        const linkType = entry.kind === 'room' ? (seed.linkType ?? LinkType.External) : LinkType.External;
        const subjectType = linkType === LinkType.Invitation
            ? SubjectType.InvitationLink
            : seed.primary
                ? SubjectType.PrimaryExternalLink
                : SubjectType.ExternalLink;
        return this.insertLink({
            id: (seed.id ?? (0,external_node_crypto_namespaceObject.randomUUID)()).toLowerCase(),
            entryId: entry.id,
            title: seed.title ?? DEFAULT_LINK_TITLE,
            access: seed.access ?? 2,
            expirationDate: seed.expirationDate ?? null,
            password: seed.password,
            denyDownload: seed.denyDownload ?? false,
            internal: seed.internal ?? false,
            subjectType,
            linkType,
            maxUseCount: linkType === LinkType.Invitation ? seed.maxUseCount : undefined,
            currentUseCount: seed.currentUseCount ?? 0,
            createdAt: seed.createdAt ?? new Date()
        });
    }
    // ---- changes made by the API ----
    /** Stores a new link; the short key and share token are made here. */
    insertLink(link) {
        const record = {
            ...link,
            key: (0,external_node_crypto_namespaceObject.randomBytes)(6).toString('base64url'),
            requestToken: (0,external_node_crypto_namespaceObject.randomBytes)(32).toString('base64url')
        };
        const list = this.linksByEntry.get(link.entryId) ?? [];
        list.push(record);
        this.linksByEntry.set(link.entryId, list);
        return record;
    }
    deleteLink(entryId, linkId) {
        const list = this.linksByEntry.get(entryId);
        const index = list?.findIndex((l) => l.id === linkId.toLowerCase()) ?? -1;
        if (!list || index < 0)
            return false;
        list.splice(index, 1);
        return true;
    }
    createFolder(title, parentId, userId) {
        const folder = this.insertFolder(title, parentId);
        folder.createdBy = userId;
        return folder;
    }
    /** Appends to the journal; events stay in the order they happened. */
    record(event) {
        const full = { ...event, at: event.at ?? new Date() };
        this.journal.push(full);
        return full;
    }
    nextId() {
        return ++this.lastId;
    }
    newEntry(title, parentId) {
        const now = new Date();
        return {
            id: this.nextId(),
            title,
            parentId,
            createdAt: now,
            updatedAt: now,
            createdBy: this.directory.user.id
        };
    }
    insertFolder(title, parentId) {
        const folder = { ...this.newEntry(title, parentId), kind: 'folder' };
        this.entries.set(folder.id, folder);
        return folder;
    }
}
function kindMatches(kind, entry) {
    return kind === entry.kind || (kind === 'folder' && entry.kind === 'room');
}

;// CONCATENATED MODULE: ./emulator/seed.ts
// JSON-able seed data: entries and links named by keys, resolved to the ids the portal gives them.



/** Adds the seed's entries and links to `state`; throws on unknown or duplicate keys. */
function applySeed(state, seed) {
    const ids = {};
    const claim = (key, entry) => {
        if (key in ids)
            throw new Error(`Seed key "${key}" is used twice`);
        ids[key] = entry.id;
    };
    const resolve = (key, what) => {
        const id = ids[key];
        if (id === undefined)
            throw new Error(`Seed ${what} refers to unknown key "${key}"`);
        return id;
    };
    for (const room of seed.rooms ?? [])
        claim(room.key, state.addRoom(room));
    // Folders may name parents listed after them.
    let pending = [...(seed.folders ?? [])];
    while (pending.length > 0) {
        const ready = pending.filter((f) => f.parentKey === undefined || f.parentKey in ids);
        if (ready.length === 0)
            resolve(pending[0].parentKey ?? '', `folder "${pending[0].key}"`);
        for (const f of ready) {
            const parentId = f.parentKey === undefined ? undefined : ids[f.parentKey];
            claim(f.key, state.addFolder({ title: f.title, parentId }));
        }
        pending = pending.filter((f) => !ready.includes(f));
    }
    for (const f of seed.files ?? []) {
        const content = f.contentBase64 !== undefined ? Buffer.from(f.contentBase64, 'base64') : f.content;
        const parentId = resolve(f.parentKey, `file "${f.key}"`);
        claim(f.key, state.addFile({ parentId, title: f.title, content, size: f.size }));
    }
    for (const l of seed.links ?? []) {
        const id = resolve(l.entryKey, 'link');
        const entry = state.entry(id);
        let expirationDate = null;
        if (l.expirationDate !== undefined) {
            const parsed = parseApiDate(l.expirationDate);
            if (!parsed)
                throw new Error(`Seed link of "${l.entryKey}" has a bad expirationDate`);
            expirationDate = parsed;
        }
        state.addLink({ kind: entry.kind, id }, { ...l, expirationDate });
    }
    return ids;
}
// An empty ZIP archive: just the end-of-central-directory record.
const EMPTY_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
/** What the command-line emulator starts with when no seed file is given. */
const defaultSeed = {
    folders: [{ key: 'releaseFolder', title: 'Release artifacts' }],
    rooms: [
        { key: 'partnersRoom', title: 'Partners', roomType: RoomType.CustomRoom },
        { key: 'downloadsRoom', title: 'Downloads', roomType: RoomType.PublicRoom }
    ],
    files: [
        {
            key: 'appZip',
            title: 'app-1.0.0.zip',
            parentKey: 'releaseFolder',
            contentBase64: EMPTY_ZIP.toString('base64')
        },
        {
            key: 'checksums',
            title: 'checksums.txt',
            parentKey: 'releaseFolder',
            content: `${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(EMPTY_ZIP).digest('hex')}  app-1.0.0.zip\n`
        },
        {
            key: 'partnerGuide',
            title: 'partner-guide.pdf',
            parentKey: 'partnersRoom',
            content: '%PDF-1.4\n% Partner guide\n%%EOF\n'
        }
    ]
};

;// CONCATENATED MODULE: ./emulator/binding.ts
// Model binding like ASP.NET's: JSON properties matched case-insensitively, unknown ones ignored, type
// mismatches and range violations collected into a 400 validation problem.



const GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
class BodyFields {
    values = new Map();
    errors = {};
    constructor(body) {
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
            throw new ValidationError({
                $: ['The JSON value could not be converted to the request type.']
            });
        }
        for (const [k, v] of Object.entries(body))
            this.values.set(k.toLowerCase(), v);
    }
    /** null counts as absent, as for the server's nullable properties. */
    raw(name) {
        const v = this.values.get(name.toLowerCase());
        return v === null ? undefined : v;
    }
    fail(name, message) {
        ;
        (this.errors[name] ??= []).push(message);
        return undefined;
    }
    convertError(name, type) {
        return this.fail(`$.${name}`, `The JSON value could not be converted to ${type}. Path: $.${name}`);
    }
    has(name) {
        return this.raw(name) !== undefined;
    }
    string(name, maxLength) {
        const v = this.raw(name);
        if (v === undefined)
            return undefined;
        if (typeof v !== 'string')
            return this.convertError(name, 'System.String');
        if (maxLength !== undefined && v.length > maxLength) {
            return this.fail(pascal(name), `The field ${pascal(name)} must be a string with a maximum length of ${maxLength}.`);
        }
        return v;
    }
    bool(name) {
        const v = this.raw(name);
        if (v === undefined)
            return undefined;
        return typeof v === 'boolean' ? v : this.convertError(name, 'System.Boolean');
    }
    /** Numbers may also come as numeric strings (the server's AllowReadingFromString). */
    int(name, range) {
        const v = this.raw(name);
        if (v === undefined)
            return undefined;
        const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n)) {
            return this.convertError(name, 'System.Int32');
        }
        if (range && (n < range.min || n > range.max)) {
            return this.fail(pascal(name), `The field ${pascal(name)} must be between ${range.min} and ${range.max}.`);
        }
        return n;
    }
    /** A GUID in lower-case 8-4-4-4-12 form; an empty string counts as absent. */
    guid(name) {
        const v = this.raw(name);
        if (v === undefined || v === '')
            return undefined;
        const m = typeof v === 'string' ? GUID.exec(v.trim()) : null;
        if (!m)
            return this.convertError(name, 'System.Guid');
        return m.slice(1).join('-').toLowerCase();
    }
    /** An ApiDateTime: only a JSON string is readable; the object form of the spec is not. */
    date(name) {
        const v = this.raw(name);
        if (v === undefined)
            return undefined;
        const d = typeof v === 'string' ? parseApiDate(v) : undefined;
        return d ?? this.convertError(name, 'ASC.Api.Core.ApiDateTime');
    }
    /** FileShare: a number, or a member name; any other string (or nothing) is None. */
    fileShare(name) {
        const v = this.raw(name);
        if (typeof v === 'number')
            return Number.isInteger(v) ? v : FileShare.None;
        if (typeof v === 'string') {
            if (/^\d+$/.test(v))
                return Number(v);
            return FileShare[v] ?? FileShare.None;
        }
        if (v !== undefined && typeof v === 'object') {
            this.convertError(name, 'ASC.Files.Core.Security.FileShare');
        }
        return FileShare.None;
    }
    /** Throws the collected validation problem, if any. */
    done() {
        if (Object.keys(this.errors).length > 0)
            throw new ValidationError(this.errors);
    }
}
function pascal(name) {
    return name.charAt(0).toUpperCase() + name.slice(1);
}
/** `startIndex` (default 0) and `count` (default 100, 1..100) of list endpoints. */
function paging(query) {
    const errors = {};
    const read = (name, fallback) => {
        const text = query[name];
        if (text === undefined || text === '')
            return fallback;
        if (!/^\s*-?\d+\s*$/.test(text)) {
            errors[name] = [`The value '${text}' is not valid for ${pascal(name)}.`];
            return fallback;
        }
        return Number(text);
    };
    const startIndex = Math.max(0, read('startIndex', 0));
    const count = read('count', 100);
    if (!errors.count && (count < 1 || count > 100)) {
        errors.count = ['The field Count must be between 1 and 100.'];
    }
    if (Object.keys(errors).length > 0)
        throw new ValidationError(errors);
    return { startIndex, count };
}
/** An optional integer query parameter; malformed → 400 validation. */
function intQuery(query, name) {
    const text = query[name];
    if (text === undefined || text === '')
        return undefined;
    if (!/^\s*-?\d+\s*$/.test(text)) {
        throw new ValidationError({ [name]: [`The value '${text}' is not valid.`] });
    }
    return Number(text);
}

;// CONCATENATED MODULE: ./emulator/routes/authentication.ts



function registerAuthenticationRoutes(router) {
    router.route('POST', '/api/2.0/authentication', async (ctx) => {
        const fields = new BodyFields(await ctx.json());
        const userName = fields.string('userName') ?? '';
        const password = fields.string('password') ?? '';
        fields.done();
        const user = ctx.state.directory.byCredentials(userName, password);
        // The server answers 401 here with an error envelope, unlike the bare authorization challenge.
        if (!user)
            throw new ApiError(401, 'User authentication failed', null, 0);
        const session = ctx.state.directory.issueToken(user.id);
        return ok({ token: session.token, expires: session.expires.toISOString(), sms: false, tfa: false }, {
            headers: {
                'Set-Cookie': `${AUTH_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax`
            }
        });
    }, { anonymous: true });
    router.route('GET', '/api/2.0/authentication', (ctx) => ok(ctx.user !== undefined), {
        anonymous: true
    });
    router.route('GET', '/api/2.0/people/@self', (ctx) => {
        const user = ctx.state.directory.byId(ctx.user?.id ?? '');
        return ok(user && {
            id: user.id,
            displayName: user.displayName,
            email: user.email,
            isAdmin: user.isAdmin
        });
    });
}

;// CONCATENATED MODULE: ./emulator/dto.ts

/** The server's human-readable size, e.g. "12.3 KB". */
function humanSize(bytes) {
    const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(2))} ${units[unit]}`;
}
function extensionOf(title) {
    const dot = title.lastIndexOf('.');
    return dot > 0 ? title.slice(dot).toLowerCase() : '';
}
function fileDto(file, portal) {
    return {
        id: file.id,
        title: file.title,
        folderId: file.parentId,
        version: file.version,
        pureContentLength: file.size,
        contentLength: humanSize(file.size),
        created: portal.date(file.createdAt),
        updated: portal.date(file.updatedAt),
        fileExst: extensionOf(file.title),
        webUrl: `${portal.url}/doceditor?fileid=${file.id}&version=${file.version}`,
        fileEntryType: 2
    };
}
function folderDto(folder, state, portal) {
    const { folders, files } = state.children(folder.id);
    return {
        id: folder.id,
        title: folder.title,
        parentId: folder.parentId,
        filesCount: files.length,
        foldersCount: folders.length,
        roomType: folder.kind === 'room' ? folder.roomType : undefined,
        created: portal.date(folder.createdAt),
        updated: portal.date(folder.updatedAt),
        fileEntryType: 1
    };
}
/** The flags the server derives from the room a link's entry lives in. */
function linkFlags(link, roomType) {
    const primary = link.subjectType === SubjectType.PrimaryExternalLink;
    return {
        canEditInternal: roomType !== RoomType.VirtualDataRoom && roomType !== RoomType.PublicRoom,
        canEditDenyDownload: roomType === RoomType.VirtualDataRoom,
        canEditExpirationDate: !(primary && roomType === RoomType.PublicRoom),
        canRevoke: (primary && roomType === RoomType.PublicRoom) || roomType === RoomType.FillingFormsRoom
    };
}
function fileShareDto(link, state, portal, options = {}) {
    const now = options.now ?? new Date();
    const invitation = link.linkType === LinkType.Invitation;
    const sharedLink = {
        id: link.id,
        title: link.title,
        shareLink: `${portal.url}/s/${link.key}`,
        expirationDate: link.expirationDate ? portal.date(link.expirationDate) : undefined,
        linkType: link.linkType,
        password: link.password,
        denyDownload: link.denyDownload,
        isExpired: link.expirationDate !== null && link.expirationDate.getTime() < now.getTime(),
        primary: link.subjectType === SubjectType.PrimaryExternalLink,
        internal: link.internal,
        requestToken: invitation || options.withoutRequestToken ? undefined : link.requestToken,
        maxUseCount: invitation ? link.maxUseCount : undefined,
        currentUseCount: invitation ? link.currentUseCount : undefined
    };
    return {
        access: link.access,
        sharedTo: sharedLink,
        sharedLink,
        isLocked: false,
        isOwner: false,
        canEditAccess: false,
        ...linkFlags(link, state.roomOf(link.entryId)?.roomType),
        subjectType: link.subjectType
    };
}

;// CONCATENATED MODULE: ./emulator/routes/lookup.ts

const FILE_NOT_FOUND = 'The required file was not found';
function idParam(ctx, name) {
    return Number(ctx.params[name]);
}
function requireFile(ctx, param = 'id') {
    const file = ctx.state.file(idParam(ctx, param));
    if (!file)
        throw notFound(FILE_NOT_FOUND);
    return file;
}
/** A folder or a room: rooms are folders. */
function requireFolder(ctx, param = 'id') {
    const folder = ctx.state.folder(idParam(ctx, param));
    if (!folder)
        throw notFound();
    return folder;
}
function requireRoom(ctx, param = 'id') {
    const room = ctx.state.room(idParam(ctx, param));
    if (!room)
        throw notFound();
    return room;
}
/** The authenticated caller's id (routes are authorized unless registered as anonymous). */
function callerId(ctx) {
    if (!ctx.user)
        throw new Error('callerId() on an anonymous route');
    return ctx.user.id;
}

;// CONCATENATED MODULE: ./emulator/routes/entries.ts




/** FolderContentDto: sub-folders then files, each by title, paged over the two together. */
function folderContent(ctx, folder) {
    const { startIndex, count } = paging(ctx.query);
    const { folders, files } = ctx.state.children(folder.id);
    const all = [...folders, ...files];
    const window = all.slice(startIndex, startIndex + count);
    return {
        files: window.flatMap((e) => (e.kind === 'file' ? [fileDto(e, ctx.portal)] : [])),
        folders: window.flatMap((e) => e.kind === 'file' ? [] : [folderDto(e, ctx.state, ctx.portal)]),
        current: folderDto(folder, ctx.state, ctx.portal),
        pathParts: ctx.state.path(folder.id).map((f) => ({ id: f.id, title: f.title })),
        startIndex,
        count: window.length,
        total: all.length,
        new: 0
    };
}
function registerEntryRoutes(router) {
    router.route('GET', '/api/2.0/files/file/{id:int}', (ctx) => ok(fileDto(requireFile(ctx), ctx.portal)));
    router.route('GET', '/api/2.0/files/folder/{id:int}', (ctx) => ok(folderDto(requireFolder(ctx), ctx.state, ctx.portal)));
    router.route('GET', '/api/2.0/files/rooms/{id:int}', (ctx) => ok(folderDto(requireRoom(ctx), ctx.state, ctx.portal)));
    router.route('GET', '/api/2.0/files/{folderId:int}', (ctx) => ok(folderContent(ctx, requireFolder(ctx, 'folderId'))));
    router.route('GET', '/api/2.0/files/@my', (ctx) => ok(folderContent(ctx, ctx.state.folder(ctx.state.myDocumentsId))));
    router.route('GET', '/api/2.0/files/rooms', (ctx) => ok(folderContent(ctx, ctx.state.folder(ctx.state.roomsFolderId))));
    router.route('POST', '/api/2.0/files/folder/{parentId:int}', async (ctx) => {
        const parent = ctx.state.folder(Number(ctx.params.parentId));
        const fields = new BodyFields(await ctx.json());
        const title = fields.string('title')?.trim();
        fields.done();
        if (!parent)
            throw notFound();
        if (!title)
            throw badRequest('Title is empty');
        const folder = ctx.state.createFolder(title, parent.id, callerId(ctx));
        return ok(folderDto(folder, ctx.state, ctx.portal));
    });
}

;// CONCATENATED MODULE: ./emulator/link-rules.ts
// What PUT …/links and the primary-link endpoints do to an entry's links: full replacement, the
// access sets, expiry rules, password policy, link limits, and the journal events.






const MAX_LINK_LIFETIME_YEARS = 10;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 30;
const ENTRY_LINK_ACCESS = [
    FileShare.Editing,
    FileShare.FillForms,
    FileShare.Review,
    FileShare.Comment,
    FileShare.Read,
    FileShare.None
];
const ROOM_EXTERNAL_ACCESS = [
    FileShare.Read,
    FileShare.Review,
    FileShare.Comment,
    FileShare.FillForms,
    FileShare.Editing,
    FileShare.None
];
const ROOM_INVITATION_ACCESS = [
    FileShare.ContentCreator,
    FileShare.Editing,
    FileShare.RoomManager,
    FileShare.Review,
    FileShare.Comment,
    FileShare.Read,
    FileShare.None
];
const ROLE_NOT_AVAILABLE = 'The role is not available for this user type';
/** Binds the body of PUT files/file|folder|rooms/{id}/links (throws 400 validation). */
function readLinkRequest(body, endpoint) {
    const f = new BodyFields(body);
    const linkId = f.guid('linkId');
    const trim = endpoint === 'folder' ? (s) => s?.trim() : (s) => s;
    const request = {
        linkId: linkId === EMPTY_GUID ? undefined : linkId,
        access: f.fileShare('access'),
        title: f.string('title', 255),
        expirationDate: f.date('expirationDate'),
        password: trim(f.string('password', 255)),
        denyDownload: f.bool('denyDownload') ?? false,
        internal: f.bool('internal') ?? false,
        primary: endpoint === 'room' ? false : (f.bool('primary') ?? false),
        linkType: LinkType.External,
        maxUseCount: undefined
    };
    if (endpoint === 'room') {
        request.linkType = f.int('linkType', { min: 0, max: 1 }) ?? LinkType.Invitation;
        request.maxUseCount = f.int('maxUseCount', { min: 1, max: 1000 });
    }
    f.done();
    return request;
}
/** Binds the body of POST files/file|folder/{id}/link (get-or-create primary). */
function readPrimaryRequest(body, endpoint) {
    const f = new BodyFields(body);
    const init = {
        access: f.fileShare('access'),
        // Files ignore the title; folders use it trimmed.
        title: endpoint === 'folder' ? f.string('title', 255)?.trim() : undefined,
        expirationDate: f.date('expirationDate'),
        password: f.string('password', 255),
        denyDownload: f.bool('denyDownload') ?? false,
        internal: f.bool('internal') ?? false
    };
    f.done();
    return init;
}
function checkPassword(password) {
    if (password === undefined || password === '')
        return undefined;
    const valid = password.length >= PASSWORD_MIN &&
        password.length <= PASSWORD_MAX &&
        /^[\x21-\x7E]+$/.test(password);
    if (!valid) {
        throw badRequest(`Password must contain: from ${PASSWORD_MIN} to ${PASSWORD_MAX} characters, only Latin letters, no spaces`);
    }
    return password;
}
const EXPIRATION_OUT_OF_RANGE = "Value does not fall within the expected range. (Parameter 'expirationDate')";
/** Past dates are dropped (the link never expires), except where `pastIsError`. */
function checkExpiration(date, now, pastIsError) {
    if (!date)
        return null;
    if (date.getTime() <= now.getTime()) {
        if (pastIsError)
            throw badRequest(EXPIRATION_OUT_OF_RANGE);
        return null;
    }
    if (date.getTime() > addYears(now, MAX_LINK_LIFETIME_YEARS).getTime()) {
        throw badRequest(EXPIRATION_OUT_OF_RANGE);
    }
    return date;
}
function allowedAccess(entry, linkType) {
    if (entry.kind !== 'room')
        return ENTRY_LINK_ACCESS;
    return linkType === LinkType.Invitation ? ROOM_INVITATION_ACCESS : ROOM_EXTERNAL_ACCESS;
}
/** How many links of this kind (primary excluded) an entry may have. */
function linkLimit(state, entry, linkType) {
    if (entry.kind === 'room')
        return linkType === LinkType.Invitation ? 1 : 5;
    return state.roomOf(entry.id)?.roomType === RoomType.PublicRoom ? 5 : 6;
}
/** Room type rules that override the requested `internal`. */
function forcedInternal(state, entry, requested) {
    const roomType = state.roomOf(entry.id)?.roomType;
    if (roomType === RoomType.VirtualDataRoom)
        return true;
    if (roomType === RoomType.PublicRoom)
        return false;
    return requested;
}
function actionsFor(entry, linkType) {
    if (entry.kind === 'file')
        return LinkActions.file;
    if (entry.kind === 'folder')
        return LinkActions.folder;
    return linkType === LinkType.Invitation ? LinkActions.roomInvitation : LinkActions.room;
}
function journal(state, entry, actionId, userId, link, at) {
    state.record({
        at,
        actionId,
        target: [String(entry.id)],
        entryType: entryTypeOf(entry),
        userId,
        description: [entry.title, link.title]
    });
}
/** Applies PUT …/links: create, replace (full replacement) or delete one link of `entry`. */
function setLink(state, entry, request, userId, now = new Date()) {
    const existing = request.linkId ? state.link(entry.id, request.linkId) : undefined;
    // An existing link keeps what it is: its subject type and link type win over the body.
    const linkType = existing?.linkType ?? (entry.kind === 'room' ? request.linkType : LinkType.External);
    const invitation = linkType === LinkType.Invitation;
    const actions = actionsFor(entry, linkType);
    if (request.access === FileShare.None) {
        if (!existing)
            return {};
        state.deleteLink(entry.id, existing.id);
        journal(state, entry, actions.deleted, userId, existing, now);
        return replaceRevokedPrimary(state, entry, existing, userId, now);
    }
    if (!allowedAccess(entry, linkType).includes(request.access))
        throw forbidden(ROLE_NOT_AVAILABLE);
    let expirationDate = checkExpiration(request.expirationDate, now, invitation);
    const password = invitation ? undefined : checkPassword(request.password);
    let subjectType = existing?.subjectType;
    if (subjectType === undefined) {
        const hasPrimary = state
            .links(entry.kind, entry.id)
            .some((l) => l.subjectType === SubjectType.PrimaryExternalLink);
        subjectType = invitation
            ? SubjectType.InvitationLink
            : request.primary && !hasPrimary
                ? SubjectType.PrimaryExternalLink
                : SubjectType.ExternalLink;
        if (subjectType !== SubjectType.PrimaryExternalLink) {
            const limit = linkLimit(state, entry, linkType);
            const current = state
                .links(entry.kind, entry.id)
                .filter((l) => l.subjectType === subjectType).length;
            if (current >= limit)
                throw forbidden(`The maximum number of links may not exceed ${limit}`);
        }
    }
    let maxUseCount;
    if (invitation) {
        maxUseCount = request.maxUseCount;
        if (existing && maxUseCount !== undefined && maxUseCount < existing.currentUseCount) {
            throw badRequest("Value does not fall within the expected range. (Parameter 'maxUseCount')");
        }
    }
    const roomType = state.roomOf(entry.id)?.roomType;
    if (entry.kind === 'room' &&
        subjectType === SubjectType.PrimaryExternalLink &&
        (roomType === RoomType.PublicRoom || roomType === RoomType.FillingFormsRoom)) {
        expirationDate = null;
    }
    const fields = {
        title: request.title ? request.title : DEFAULT_LINK_TITLE,
        access: request.access,
        expirationDate,
        password,
        denyDownload: invitation ? false : request.denyDownload,
        internal: forcedInternal(state, entry, request.internal),
        maxUseCount
    };
    if (existing) {
        Object.assign(existing, fields);
        journal(state, entry, actions.updated, userId, existing, now);
        return { link: existing };
    }
    const link = state.insertLink({
        id: request.linkId ?? (0,external_node_crypto_namespaceObject.randomUUID)(),
        entryId: entry.id,
        subjectType,
        linkType,
        currentUseCount: 0,
        createdAt: now,
        ...fields
    });
    journal(state, entry, actions.created, userId, link, now);
    return { link };
}
/** Public and form-filling rooms always keep a primary link: revoking one makes a new one. */
function replaceRevokedPrimary(state, entry, revoked, userId, now) {
    const roomType = entry.kind === 'room' ? entry.roomType : undefined;
    if (revoked.subjectType !== SubjectType.PrimaryExternalLink ||
        (roomType !== RoomType.PublicRoom && roomType !== RoomType.FillingFormsRoom)) {
        return {};
    }
    const link = state.insertLink({
        id: (0,external_node_crypto_namespaceObject.randomUUID)(),
        entryId: entry.id,
        title: DEFAULT_LINK_TITLE,
        access: roomType === RoomType.PublicRoom ? FileShare.Read : FileShare.FillForms,
        expirationDate: null,
        denyDownload: false,
        internal: false,
        subjectType: SubjectType.PrimaryExternalLink,
        linkType: LinkType.External,
        currentUseCount: 0,
        createdAt: now
    });
    journal(state, entry, LinkActions.roomRevoked, userId, link, now);
    return { link, withoutRequestToken: true };
}
/**
 * Get-or-create of the primary external link: an existing one is returned unchanged; otherwise one
 * is made from `init` (no default expiry). Access None creates nothing.
 */
function primaryLink(state, entry, init, userId, now = new Date()) {
    const found = state
        .links(entry.kind, entry.id)
        .find((l) => l.subjectType === SubjectType.PrimaryExternalLink);
    if (found)
        return found;
    if (init.access === FileShare.None)
        return undefined;
    if (!allowedAccess(entry, LinkType.External).includes(init.access)) {
        throw forbidden(ROLE_NOT_AVAILABLE);
    }
    const link = state.insertLink({
        id: (0,external_node_crypto_namespaceObject.randomUUID)(),
        entryId: entry.id,
        title: init.title ? init.title : DEFAULT_LINK_TITLE,
        access: init.access,
        expirationDate: checkExpiration(init.expirationDate, now, false),
        password: checkPassword(init.password),
        denyDownload: init.denyDownload,
        internal: forcedInternal(state, entry, init.internal),
        subjectType: SubjectType.PrimaryExternalLink,
        linkType: LinkType.External,
        currentUseCount: 0,
        createdAt: now
    });
    journal(state, entry, actionsFor(entry, LinkType.External).created, userId, link, now);
    return link;
}
/** The body of GET …/link: a Read link with no expiry. */
const DEFAULT_PRIMARY = {
    access: FileShare.Read,
    denyDownload: false,
    internal: false
};

;// CONCATENATED MODULE: ./emulator/routes/links.ts





/** Folder and room lists ignore paging: always the first 100, with no total. */
const FIXED_WINDOW = 100;
const dtos = (ctx, links) => links.map((l) => fileShareDto(l, ctx.state, ctx.portal));
async function putLink(ctx, entry, endpoint) {
    const request = readLinkRequest(await ctx.json(), endpoint);
    const change = setLink(ctx.state, entry, request, callerId(ctx));
    if (!change.link)
        return ok(undefined);
    return ok(fileShareDto(change.link, ctx.state, ctx.portal, {
        withoutRequestToken: change.withoutRequestToken
    }));
}
/** The reply of the get-or-create endpoints: no `response` when nothing exists or was made. */
function primaryReply(ctx, link) {
    return ok(link && fileShareDto(link, ctx.state, ctx.portal));
}
function registerLinkRoutes(router) {
    // ---- lists ----
    router.route('GET', '/api/2.0/files/file/{id:int}/links', (ctx) => {
        const file = requireFile(ctx);
        const { startIndex, count } = paging(ctx.query);
        const all = ctx.state.links('file', file.id);
        const page = all.slice(startIndex, startIndex + count);
        return ok(dtos(ctx, page), { total: all.length });
    });
    router.route('GET', '/api/2.0/files/folder/{id:int}/links', (ctx) => {
        const folder = requireFolder(ctx);
        const page = ctx.state.links('folder', folder.id).slice(0, FIXED_WINDOW);
        return ok(dtos(ctx, page), { count: page.length });
    });
    router.route('GET', '/api/2.0/files/rooms/{id:int}/links', (ctx) => {
        const room = requireRoom(ctx);
        const type = intQuery(ctx.query, 'type');
        const page = ctx.state
            .links('room', room.id)
            .filter((l) => type === undefined || l.linkType === type)
            .slice(0, FIXED_WINDOW);
        return ok(dtos(ctx, page), { count: page.length });
    });
    // ---- create / replace / delete ----
    router.route('PUT', '/api/2.0/files/file/{id:int}/links', (ctx) => putLink(ctx, requireFile(ctx), 'file'));
    router.route('PUT', '/api/2.0/files/folder/{id:int}/links', (ctx) => putLink(ctx, requireFolder(ctx), 'folder'));
    router.route('PUT', '/api/2.0/files/rooms/{id:int}/links', (ctx) => putLink(ctx, requireRoom(ctx), 'room'));
    // ---- primary link, get-or-create ----
    router.route('POST', '/api/2.0/files/file/{id:int}/link', async (ctx) => {
        const file = requireFile(ctx);
        const init = readPrimaryRequest(await ctx.json(), 'file');
        return primaryReply(ctx, primaryLink(ctx.state, file, init, callerId(ctx)));
    });
    router.route('GET', '/api/2.0/files/file/{id:int}/link', (ctx) => primaryReply(ctx, primaryLink(ctx.state, requireFile(ctx), DEFAULT_PRIMARY, callerId(ctx))));
    router.route('POST', '/api/2.0/files/folder/{id:int}/link', async (ctx) => {
        const folder = requireFolder(ctx);
        const init = readPrimaryRequest(await ctx.json(), 'folder');
        return primaryReply(ctx, primaryLink(ctx.state, folder, init, callerId(ctx)));
    });
    router.route('GET', '/api/2.0/files/folder/{id:int}/link', (ctx) => primaryReply(ctx, primaryLink(ctx.state, requireFolder(ctx), DEFAULT_PRIMARY, callerId(ctx))));
    router.route('GET', '/api/2.0/files/rooms/{id:int}/link', (ctx) => primaryReply(ctx, primaryLink(ctx.state, requireRoom(ctx), DEFAULT_PRIMARY, callerId(ctx))));
}

;// CONCATENATED MODULE: ./emulator/routes/index.ts



const defaultAreas = [
    registerAuthenticationRoutes,
    registerEntryRoutes,
    registerLinkRoutes
];

;// CONCATENATED MODULE: ./emulator/server.ts
// The DocSpace emulator: a loopback HTTP server over the in-memory portal.








function checkLatency(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`Latency must be a number ≥ 0, not ${ms}`);
    return ms;
}
function delay(ms) {
    // Unref'd: a request still waiting must not keep a closed emulator's process alive.
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
async function startEmulator(options = {}) {
    const state = new EmulatorState();
    const seedIds = options.seed ? applySeed(state, options.seed) : {};
    const router = new Router();
    for (const area of options.areas ?? defaultAreas)
        area(router);
    const middlewares = [];
    const requests = [];
    const sockets = new Set();
    const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
    let latencyMs = checkLatency(options.latencyMs ?? 0);
    // Known once listening; no request arrives before that.
    const site = {};
    async function handle(req, res) {
        const user = identify(req, state.directory);
        const ctx = createContext({
            req,
            res,
            user: user && { id: user.id, isAdmin: user.isAdmin },
            state,
            portal: site.portal,
            bodyLimit
        });
        res.on('close', () => {
            requests.push({
                method: ctx.method,
                path: ctx.path,
                query: ctx.query,
                status: res.headersSent ? res.statusCode : 0,
                startedAt: ctx.startedAt,
                endedAt: new Date()
            });
        });
        try {
            if (latencyMs > 0)
                await delay(latencyMs);
            const run = async (i) => {
                const middleware = middlewares[i];
                if (middleware)
                    await middleware(ctx, () => run(i + 1));
                else
                    await router.dispatch(ctx);
            };
            await run(0);
        }
        catch (error) {
            ctx.fail(error);
        }
    }
    const server = (0,external_node_http_namespaceObject.createServer)((req, res) => void handle(req, res));
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    if (address === null || typeof address === 'string')
        throw new Error('No TCP address');
    const url = `http://127.0.0.1:${address.port}`;
    site.portal = makePortal(url, options.timeZoneOffsetMinutes ?? 0);
    const { directory } = state;
    let closing;
    return {
        url,
        adminKey: directory.createApiKey(directory.admin.id),
        userKey: directory.createApiKey(directory.user.id),
        authToken: directory.issueToken(directory.admin.id).token,
        state,
        requests,
        seed: seedIds,
        router,
        route: (method, pattern, handler, routeOptions) => router.route(method, pattern, handler, routeOptions),
        use: (middleware) => void middlewares.push(middleware),
        setLatency: (ms) => void (latencyMs = checkLatency(ms)),
        get latencyMs() {
            return latencyMs;
        },
        addFolder: (input) => state.addFolder(input),
        addRoom: (input) => state.addRoom(input),
        addFile: (input) => state.addFile(input),
        addLink: (entry, link) => state.addLink(entry, link),
        close() {
            closing ??= new Promise((resolve) => {
                server.close(() => resolve());
                for (const socket of sockets)
                    socket.destroy();
            });
            return closing;
        }
    };
}

;// CONCATENATED MODULE: ./emulator/cli.ts
// Entry of the bundled emulator. Run directly, it starts an emulator configured from the environment
// and prints one JSON line; imported, it only re-exports the programmatic API.










function intFromEnv(env, name) {
    const text = env[name];
    if (text === undefined || text.trim() === '')
        return undefined;
    if (!/^-?\d+$/.test(text.trim()))
        throw new Error(`${name} must be an integer, not "${text}"`);
    return Number(text);
}
/**
 * Starts an emulator from `EMULATOR_PORT`, `EMULATOR_LATENCY_MS`, `EMULATOR_SEED` (a JSON seed file;
 * the default seed without it) and `EMULATOR_TIMEZONE_OFFSET_MINUTES`, then writes the JSON line
 * `{url, apiKey, userKey, authToken, seed}`.
 */
async function runCli(env = process.env, write = (line) => process.stdout.write(line)) {
    const seedPath = env.EMULATOR_SEED;
    const seed = seedPath
        ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(seedPath, 'utf8'))
        : defaultSeed;
    const emulator = await startEmulator({
        port: intFromEnv(env, 'EMULATOR_PORT') ?? 0,
        latencyMs: intFromEnv(env, 'EMULATOR_LATENCY_MS') ?? 0,
        timeZoneOffsetMinutes: intFromEnv(env, 'EMULATOR_TIMEZONE_OFFSET_MINUTES') ?? 0,
        seed
    });
    write(JSON.stringify({
        url: emulator.url,
        apiKey: emulator.adminKey,
        userKey: emulator.userKey,
        authToken: emulator.authToken,
        seed: emulator.seed
    }) + '\n');
    return emulator;
}
function isMainModule() {
    const script = process.argv[1];
    if (!script)
        return false;
    try {
        return import.meta.url === (0,external_node_url_namespaceObject.pathToFileURL)((0,external_node_fs_namespaceObject.realpathSync)(script)).href;
    }
    catch {
        return false;
    }
}
if (isMainModule()) {
    runCli().then((emulator) => {
        const stop = () => void emulator.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    }, (error) => {
        process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    });
}

var __webpack_exports__ADMIN_EMAIL = __webpack_exports__.vE;
var __webpack_exports__ADMIN_PASSWORD = __webpack_exports__.qw;
var __webpack_exports__ApiError = __webpack_exports__.hD;
var __webpack_exports__EmulatorState = __webpack_exports__.RB;
var __webpack_exports__EntryType = __webpack_exports__.$Y;
var __webpack_exports__FileShare = __webpack_exports__.Mu;
var __webpack_exports__LinkActions = __webpack_exports__.EV;
var __webpack_exports__LinkType = __webpack_exports__.J;
var __webpack_exports__RoomType = __webpack_exports__.CJ;
var __webpack_exports__SubjectType = __webpack_exports__.PQ;
var __webpack_exports__USER_EMAIL = __webpack_exports__.JI;
var __webpack_exports__USER_PASSWORD = __webpack_exports__.ur;
var __webpack_exports__Unauthorized = __webpack_exports__.hR;
var __webpack_exports__ValidationError = __webpack_exports__.yI;
var __webpack_exports__applySeed = __webpack_exports__.ke;
var __webpack_exports__badRequest = __webpack_exports__.li;
var __webpack_exports__defaultSeed = __webpack_exports__.pr;
var __webpack_exports__forbidden = __webpack_exports__.o0;
var __webpack_exports__notFound = __webpack_exports__.mX;
var __webpack_exports__ok = __webpack_exports__.ok;
var __webpack_exports__runCli = __webpack_exports__.ak;
var __webpack_exports__startEmulator = __webpack_exports__.sJ;
export { __webpack_exports__ADMIN_EMAIL as ADMIN_EMAIL, __webpack_exports__ADMIN_PASSWORD as ADMIN_PASSWORD, __webpack_exports__ApiError as ApiError, __webpack_exports__EmulatorState as EmulatorState, __webpack_exports__EntryType as EntryType, __webpack_exports__FileShare as FileShare, __webpack_exports__LinkActions as LinkActions, __webpack_exports__LinkType as LinkType, __webpack_exports__RoomType as RoomType, __webpack_exports__SubjectType as SubjectType, __webpack_exports__USER_EMAIL as USER_EMAIL, __webpack_exports__USER_PASSWORD as USER_PASSWORD, __webpack_exports__Unauthorized as Unauthorized, __webpack_exports__ValidationError as ValidationError, __webpack_exports__applySeed as applySeed, __webpack_exports__badRequest as badRequest, __webpack_exports__defaultSeed as defaultSeed, __webpack_exports__forbidden as forbidden, __webpack_exports__notFound as notFound, __webpack_exports__ok as ok, __webpack_exports__runCli as runCli, __webpack_exports__startEmulator as startEmulator };
