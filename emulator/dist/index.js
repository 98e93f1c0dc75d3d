import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 680:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { parseContentType } = __nccwpck_require__(313);

function getInstance(cfg) {
  const headers = cfg.headers;
  const conType = parseContentType(headers['content-type']);
  if (!conType)
    throw new Error('Malformed content type');

  for (const type of TYPES) {
    const matched = type.detect(conType);
    if (!matched)
      continue;

    const instanceCfg = {
      limits: cfg.limits,
      headers,
      conType,
      highWaterMark: undefined,
      fileHwm: undefined,
      defCharset: undefined,
      defParamCharset: undefined,
      preservePath: false,
    };
    if (cfg.highWaterMark)
      instanceCfg.highWaterMark = cfg.highWaterMark;
    if (cfg.fileHwm)
      instanceCfg.fileHwm = cfg.fileHwm;
    instanceCfg.defCharset = cfg.defCharset;
    instanceCfg.defParamCharset = cfg.defParamCharset;
    instanceCfg.preservePath = cfg.preservePath;
    return new type(instanceCfg);
  }

  throw new Error(`Unsupported content type: ${headers['content-type']}`);
}

// Note: types are explicitly listed here for easier bundling
// See: https://github.com/mscdex/busboy/issues/121
const TYPES = [
  __nccwpck_require__(894),
  __nccwpck_require__(261),
].filter(function(typemod) { return typeof typemod.detect === 'function'; });

module.exports = (cfg) => {
  if (typeof cfg !== 'object' || cfg === null)
    cfg = {};

  if (typeof cfg.headers !== 'object'
      || cfg.headers === null
      || typeof cfg.headers['content-type'] !== 'string') {
    throw new Error('Missing Content-Type');
  }

  return getInstance(cfg);
};


/***/ }),

/***/ 894:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { Readable, Writable } = __nccwpck_require__(203);

const StreamSearch = __nccwpck_require__(26);

const {
  basename,
  convertToUTF8,
  getDecoder,
  parseContentType,
  parseDisposition,
} = __nccwpck_require__(313);

const BUF_CRLF = Buffer.from('\r\n');
const BUF_CR = Buffer.from('\r');
const BUF_DASH = Buffer.from('-');

function noop() {}

const MAX_HEADER_PAIRS = 2000; // From node
const MAX_HEADER_SIZE = 16 * 1024; // From node (its default value)

const HPARSER_NAME = 0;
const HPARSER_PRE_OWS = 1;
const HPARSER_VALUE = 2;
class HeaderParser {
  constructor(cb) {
    this.header = Object.create(null);
    this.pairCount = 0;
    this.byteCount = 0;
    this.state = HPARSER_NAME;
    this.name = '';
    this.value = '';
    this.crlf = 0;
    this.cb = cb;
  }

  reset() {
    this.header = Object.create(null);
    this.pairCount = 0;
    this.byteCount = 0;
    this.state = HPARSER_NAME;
    this.name = '';
    this.value = '';
    this.crlf = 0;
  }

  push(chunk, pos, end) {
    let start = pos;
    while (pos < end) {
      switch (this.state) {
        case HPARSER_NAME: {
          let done = false;
          for (; pos < end; ++pos) {
            if (this.byteCount === MAX_HEADER_SIZE)
              return -1;
            ++this.byteCount;
            const code = chunk[pos];
            if (TOKEN[code] !== 1) {
              if (code !== 58/* ':' */)
                return -1;
              this.name += chunk.latin1Slice(start, pos);
              if (this.name.length === 0)
                return -1;
              ++pos;
              done = true;
              this.state = HPARSER_PRE_OWS;
              break;
            }
          }
          if (!done) {
            this.name += chunk.latin1Slice(start, pos);
            break;
          }
          // FALLTHROUGH
        }
        case HPARSER_PRE_OWS: {
          // Skip optional whitespace
          let done = false;
          for (; pos < end; ++pos) {
            if (this.byteCount === MAX_HEADER_SIZE)
              return -1;
            ++this.byteCount;
            const code = chunk[pos];
            if (code !== 32/* ' ' */ && code !== 9/* '\t' */) {
              start = pos;
              done = true;
              this.state = HPARSER_VALUE;
              break;
            }
          }
          if (!done)
            break;
          // FALLTHROUGH
        }
        case HPARSER_VALUE:
          switch (this.crlf) {
            case 0: // Nothing yet
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (FIELD_VCHAR[code] !== 1) {
                  if (code !== 13/* '\r' */)
                    return -1;
                  ++this.crlf;
                  break;
                }
              }
              this.value += chunk.latin1Slice(start, pos++);
              break;
            case 1: // Received CR
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              if (chunk[pos++] !== 10/* '\n' */)
                return -1;
              ++this.crlf;
              break;
            case 2: { // Received CR LF
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              const code = chunk[pos];
              if (code === 32/* ' ' */ || code === 9/* '\t' */) {
                // Folded value
                start = pos;
                this.crlf = 0;
              } else {
                if (++this.pairCount < MAX_HEADER_PAIRS) {
                  this.name = this.name.toLowerCase();
                  if (this.header[this.name] === undefined)
                    this.header[this.name] = [this.value];
                  else
                    this.header[this.name].push(this.value);
                }
                if (code === 13/* '\r' */) {
                  ++this.crlf;
                  ++pos;
                } else {
                  // Assume start of next header field name
                  start = pos;
                  this.crlf = 0;
                  this.state = HPARSER_NAME;
                  this.name = '';
                  this.value = '';
                }
              }
              break;
            }
            case 3: { // Received CR LF CR
              if (this.byteCount === MAX_HEADER_SIZE)
                return -1;
              ++this.byteCount;
              if (chunk[pos++] !== 10/* '\n' */)
                return -1;
              // End of header
              const header = this.header;
              this.reset();
              this.cb(header);
              return pos;
            }
          }
          break;
      }
    }

    return pos;
  }
}

class FileStream extends Readable {
  constructor(opts, owner) {
    super(opts);
    this.truncated = false;
    this._readcb = null;
    this.once('end', () => {
      // We need to make sure that we call any outstanding _writecb() that is
      // associated with this file so that processing of the rest of the form
      // can continue. This may not happen if the file stream ends right after
      // backpressure kicks in, so we force it here.
      this._read();
      if (--owner._fileEndsLeft === 0 && owner._finalcb) {
        const cb = owner._finalcb;
        owner._finalcb = null;
        // Make sure other 'end' event handlers get a chance to be executed
        // before busboy's 'finish' event is emitted
        process.nextTick(cb);
      }
    });
  }
  _read(n) {
    const cb = this._readcb;
    if (cb) {
      this._readcb = null;
      cb();
    }
  }
}

const ignoreData = {
  push: (chunk, pos) => {},
  destroy: () => {},
};

function callAndUnsetCb(self, err) {
  const cb = self._writecb;
  self._writecb = null;
  if (err)
    self.destroy(err);
  else if (cb)
    cb();
}

function nullDecoder(val, hint) {
  return val;
}

class Multipart extends Writable {
  constructor(cfg) {
    const streamOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.highWaterMark === 'number'
                      ? cfg.highWaterMark
                      : undefined),
    };
    super(streamOpts);

    if (!cfg.conType.params || typeof cfg.conType.params.boundary !== 'string')
      throw new Error('Multipart: Boundary not found');

    const boundary = cfg.conType.params.boundary;
    const paramDecoder = (typeof cfg.defParamCharset === 'string'
                            && cfg.defParamCharset
                          ? getDecoder(cfg.defParamCharset)
                          : nullDecoder);
    const defCharset = (cfg.defCharset || 'utf8');
    const preservePath = cfg.preservePath;
    const fileOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.fileHwm === 'number'
                      ? cfg.fileHwm
                      : undefined),
    };

    const limits = cfg.limits;
    const fieldSizeLimit = (limits && typeof limits.fieldSize === 'number'
                            ? limits.fieldSize
                            : 1 * 1024 * 1024);
    const fileSizeLimit = (limits && typeof limits.fileSize === 'number'
                           ? limits.fileSize
                           : Infinity);
    const filesLimit = (limits && typeof limits.files === 'number'
                        ? limits.files
                        : Infinity);
    const fieldsLimit = (limits && typeof limits.fields === 'number'
                         ? limits.fields
                         : Infinity);
    const partsLimit = (limits && typeof limits.parts === 'number'
                        ? limits.parts
                        : Infinity);

    let parts = -1; // Account for initial boundary
    let fields = 0;
    let files = 0;
    let skipPart = false;

    this._fileEndsLeft = 0;
    this._fileStream = undefined;
    this._complete = false;
    let fileSize = 0;

    let field;
    let fieldSize = 0;
    let partCharset;
    let partEncoding;
    let partType;
    let partName;
    let partTruncated = false;

    let hitFilesLimit = false;
    let hitFieldsLimit = false;

    this._hparser = null;
    const hparser = new HeaderParser((header) => {
      this._hparser = null;
      skipPart = false;

      partType = 'text/plain';
      partCharset = defCharset;
      partEncoding = '7bit';
      partName = undefined;
      partTruncated = false;

      let filename;
      if (!header['content-disposition']) {
        skipPart = true;
        return;
      }

      const disp = parseDisposition(header['content-disposition'][0],
                                    paramDecoder);
      if (!disp || disp.type !== 'form-data') {
        skipPart = true;
        return;
      }

      if (disp.params) {
        if (disp.params.name)
          partName = disp.params.name;

        if (disp.params['filename*'])
          filename = disp.params['filename*'];
        else if (disp.params.filename)
          filename = disp.params.filename;

        if (filename !== undefined && !preservePath)
          filename = basename(filename);
      }

      if (header['content-type']) {
        const conType = parseContentType(header['content-type'][0]);
        if (conType) {
          partType = `${conType.type}/${conType.subtype}`;
          if (conType.params && typeof conType.params.charset === 'string')
            partCharset = conType.params.charset.toLowerCase();
        }
      }

      if (header['content-transfer-encoding'])
        partEncoding = header['content-transfer-encoding'][0].toLowerCase();

      if (partType === 'application/octet-stream' || filename !== undefined) {
        // File

        if (files === filesLimit) {
          if (!hitFilesLimit) {
            hitFilesLimit = true;
            this.emit('filesLimit');
          }
          skipPart = true;
          return;
        }
        ++files;

        if (this.listenerCount('file') === 0) {
          skipPart = true;
          return;
        }

        fileSize = 0;
        this._fileStream = new FileStream(fileOpts, this);
        ++this._fileEndsLeft;
        this.emit(
          'file',
          partName,
          this._fileStream,
          { filename,
            encoding: partEncoding,
            mimeType: partType }
        );
      } else {
        // Non-file

        if (fields === fieldsLimit) {
          if (!hitFieldsLimit) {
            hitFieldsLimit = true;
            this.emit('fieldsLimit');
          }
          skipPart = true;
          return;
        }
        ++fields;

        if (this.listenerCount('field') === 0) {
          skipPart = true;
          return;
        }

        field = [];
        fieldSize = 0;
      }
    });

    let matchPostBoundary = 0;
    const ssCb = (isMatch, data, start, end, isDataSafe) => {
retrydata:
      while (data) {
        if (this._hparser !== null) {
          const ret = this._hparser.push(data, start, end);
          if (ret === -1) {
            this._hparser = null;
            hparser.reset();
            this.emit('error', new Error('Malformed part header'));
            break;
          }
          start = ret;
        }

        if (start === end)
          break;

        if (matchPostBoundary !== 0) {
          if (matchPostBoundary === 1) {
            switch (data[start]) {
              case 45: // '-'
                // Try matching '--' after boundary
                matchPostBoundary = 2;
                ++start;
                break;
              case 13: // '\r'
                // Try matching CR LF before header
                matchPostBoundary = 3;
                ++start;
                break;
              default:
                matchPostBoundary = 0;
            }
            if (start === end)
              return;
          }

          if (matchPostBoundary === 2) {
            matchPostBoundary = 0;
            if (data[start] === 45/* '-' */) {
              // End of multipart data
              this._complete = true;
              this._bparser = ignoreData;
              return;
            }
            // We saw something other than '-', so put the dash we consumed
            // "back"
            const writecb = this._writecb;
            this._writecb = noop;
            ssCb(false, BUF_DASH, 0, 1, false);
            this._writecb = writecb;
          } else if (matchPostBoundary === 3) {
            matchPostBoundary = 0;
            if (data[start] === 10/* '\n' */) {
              ++start;
              if (parts >= partsLimit)
                break;
              // Prepare the header parser
              this._hparser = hparser;
              if (start === end)
                break;
              // Process the remaining data as a header
              continue retrydata;
            } else {
              // We saw something other than LF, so put the CR we consumed
              // "back"
              const writecb = this._writecb;
              this._writecb = noop;
              ssCb(false, BUF_CR, 0, 1, false);
              this._writecb = writecb;
            }
          }
        }

        if (!skipPart) {
          if (this._fileStream) {
            let chunk;
            const actualLen = Math.min(end - start, fileSizeLimit - fileSize);
            if (!isDataSafe) {
              chunk = Buffer.allocUnsafe(actualLen);
              data.copy(chunk, 0, start, start + actualLen);
            } else {
              chunk = data.slice(start, start + actualLen);
            }

            fileSize += chunk.length;
            if (fileSize === fileSizeLimit) {
              if (chunk.length > 0)
                this._fileStream.push(chunk);
              this._fileStream.emit('limit');
              this._fileStream.truncated = true;
              skipPart = true;
            } else if (!this._fileStream.push(chunk)) {
              if (this._writecb)
                this._fileStream._readcb = this._writecb;
              this._writecb = null;
            }
          } else if (field !== undefined) {
            let chunk;
            const actualLen = Math.min(
              end - start,
              fieldSizeLimit - fieldSize
            );
            if (!isDataSafe) {
              chunk = Buffer.allocUnsafe(actualLen);
              data.copy(chunk, 0, start, start + actualLen);
            } else {
              chunk = data.slice(start, start + actualLen);
            }

            fieldSize += actualLen;
            field.push(chunk);
            if (fieldSize === fieldSizeLimit) {
              skipPart = true;
              partTruncated = true;
            }
          }
        }

        break;
      }

      if (isMatch) {
        matchPostBoundary = 1;

        if (this._fileStream) {
          // End the active file stream if the previous part was a file
          this._fileStream.push(null);
          this._fileStream = null;
        } else if (field !== undefined) {
          let data;
          switch (field.length) {
            case 0:
              data = '';
              break;
            case 1:
              data = convertToUTF8(field[0], partCharset, 0);
              break;
            default:
              data = convertToUTF8(
                Buffer.concat(field, fieldSize),
                partCharset,
                0
              );
          }
          field = undefined;
          fieldSize = 0;
          this.emit(
            'field',
            partName,
            data,
            { nameTruncated: false,
              valueTruncated: partTruncated,
              encoding: partEncoding,
              mimeType: partType }
          );
        }

        if (++parts === partsLimit)
          this.emit('partsLimit');
      }
    };
    this._bparser = new StreamSearch(`\r\n--${boundary}`, ssCb);

    this._writecb = null;
    this._finalcb = null;

    // Just in case there is no preamble
    this.write(BUF_CRLF);
  }

  static detect(conType) {
    return (conType.type === 'multipart' && conType.subtype === 'form-data');
  }

  _write(chunk, enc, cb) {
    this._writecb = cb;
    this._bparser.push(chunk, 0);
    if (this._writecb)
      callAndUnsetCb(this);
  }

  _destroy(err, cb) {
    this._hparser = null;
    this._bparser = ignoreData;
    if (!err)
      err = checkEndState(this);
    const fileStream = this._fileStream;
    if (fileStream) {
      this._fileStream = null;
      fileStream.destroy(err);
    }
    cb(err);
  }

  _final(cb) {
    this._bparser.destroy();
    if (!this._complete)
      return cb(new Error('Unexpected end of form'));
    if (this._fileEndsLeft)
      this._finalcb = finalcb.bind(null, this, cb);
    else
      finalcb(this, cb);
  }
}

function finalcb(self, cb, err) {
  if (err)
    return cb(err);
  err = checkEndState(self);
  cb(err);
}

function checkEndState(self) {
  if (self._hparser)
    return new Error('Malformed part header');
  const fileStream = self._fileStream;
  if (fileStream) {
    self._fileStream = null;
    fileStream.destroy(new Error('Unexpected end of file'));
  }
  if (!self._complete)
    return new Error('Unexpected end of form');
}

const TOKEN = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const FIELD_VCHAR = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

module.exports = Multipart;


/***/ }),

/***/ 261:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { Writable } = __nccwpck_require__(203);

const { getDecoder } = __nccwpck_require__(313);

class URLEncoded extends Writable {
  constructor(cfg) {
    const streamOpts = {
      autoDestroy: true,
      emitClose: true,
      highWaterMark: (typeof cfg.highWaterMark === 'number'
                      ? cfg.highWaterMark
                      : undefined),
    };
    super(streamOpts);

    let charset = (cfg.defCharset || 'utf8');
    if (cfg.conType.params && typeof cfg.conType.params.charset === 'string')
      charset = cfg.conType.params.charset;

    this.charset = charset;

    const limits = cfg.limits;
    this.fieldSizeLimit = (limits && typeof limits.fieldSize === 'number'
                           ? limits.fieldSize
                           : 1 * 1024 * 1024);
    this.fieldsLimit = (limits && typeof limits.fields === 'number'
                        ? limits.fields
                        : Infinity);
    this.fieldNameSizeLimit = (
      limits && typeof limits.fieldNameSize === 'number'
      ? limits.fieldNameSize
      : 100
    );

    this._inKey = true;
    this._keyTrunc = false;
    this._valTrunc = false;
    this._bytesKey = 0;
    this._bytesVal = 0;
    this._fields = 0;
    this._key = '';
    this._val = '';
    this._byte = -2;
    this._lastPos = 0;
    this._encode = 0;
    this._decoder = getDecoder(charset);
  }

  static detect(conType) {
    return (conType.type === 'application'
            && conType.subtype === 'x-www-form-urlencoded');
  }

  _write(chunk, enc, cb) {
    if (this._fields >= this.fieldsLimit)
      return cb();

    let i = 0;
    const len = chunk.length;
    this._lastPos = 0;

    // Check if we last ended mid-percent-encoded byte
    if (this._byte !== -2) {
      i = readPctEnc(this, chunk, i, len);
      if (i === -1)
        return cb(new Error('Malformed urlencoded form'));
      if (i >= len)
        return cb();
      if (this._inKey)
        ++this._bytesKey;
      else
        ++this._bytesVal;
    }

main:
    while (i < len) {
      if (this._inKey) {
        // Parsing key

        i = skipKeyBytes(this, chunk, i, len);

        while (i < len) {
          switch (chunk[i]) {
            case 61: // '='
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._key = this._decoder(this._key, this._encode);
              this._encode = 0;
              this._inKey = false;
              continue main;
            case 38: // '&'
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._key = this._decoder(this._key, this._encode);
              this._encode = 0;
              if (this._bytesKey > 0) {
                this.emit(
                  'field',
                  this._key,
                  '',
                  { nameTruncated: this._keyTrunc,
                    valueTruncated: false,
                    encoding: this.charset,
                    mimeType: 'text/plain' }
                );
              }
              this._key = '';
              this._val = '';
              this._keyTrunc = false;
              this._valTrunc = false;
              this._bytesKey = 0;
              this._bytesVal = 0;
              if (++this._fields >= this.fieldsLimit) {
                this.emit('fieldsLimit');
                return cb();
              }
              continue;
            case 43: // '+'
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._key += ' ';
              this._lastPos = i + 1;
              break;
            case 37: // '%'
              if (this._encode === 0)
                this._encode = 1;
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = i + 1;
              this._byte = -1;
              i = readPctEnc(this, chunk, i + 1, len);
              if (i === -1)
                return cb(new Error('Malformed urlencoded form'));
              if (i >= len)
                return cb();
              ++this._bytesKey;
              i = skipKeyBytes(this, chunk, i, len);
              continue;
          }
          ++i;
          ++this._bytesKey;
          i = skipKeyBytes(this, chunk, i, len);
        }
        if (this._lastPos < i)
          this._key += chunk.latin1Slice(this._lastPos, i);
      } else {
        // Parsing value

        i = skipValBytes(this, chunk, i, len);

        while (i < len) {
          switch (chunk[i]) {
            case 38: // '&'
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = ++i;
              this._inKey = true;
              this._val = this._decoder(this._val, this._encode);
              this._encode = 0;
              if (this._bytesKey > 0 || this._bytesVal > 0) {
                this.emit(
                  'field',
                  this._key,
                  this._val,
                  { nameTruncated: this._keyTrunc,
                    valueTruncated: this._valTrunc,
                    encoding: this.charset,
                    mimeType: 'text/plain' }
                );
              }
              this._key = '';
              this._val = '';
              this._keyTrunc = false;
              this._valTrunc = false;
              this._bytesKey = 0;
              this._bytesVal = 0;
              if (++this._fields >= this.fieldsLimit) {
                this.emit('fieldsLimit');
                return cb();
              }
              continue main;
            case 43: // '+'
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._val += ' ';
              this._lastPos = i + 1;
              break;
            case 37: // '%'
              if (this._encode === 0)
                this._encode = 1;
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
              this._lastPos = i + 1;
              this._byte = -1;
              i = readPctEnc(this, chunk, i + 1, len);
              if (i === -1)
                return cb(new Error('Malformed urlencoded form'));
              if (i >= len)
                return cb();
              ++this._bytesVal;
              i = skipValBytes(this, chunk, i, len);
              continue;
          }
          ++i;
          ++this._bytesVal;
          i = skipValBytes(this, chunk, i, len);
        }
        if (this._lastPos < i)
          this._val += chunk.latin1Slice(this._lastPos, i);
      }
    }

    cb();
  }

  _final(cb) {
    if (this._byte !== -2)
      return cb(new Error('Malformed urlencoded form'));
    if (!this._inKey || this._bytesKey > 0 || this._bytesVal > 0) {
      if (this._inKey)
        this._key = this._decoder(this._key, this._encode);
      else
        this._val = this._decoder(this._val, this._encode);
      this.emit(
        'field',
        this._key,
        this._val,
        { nameTruncated: this._keyTrunc,
          valueTruncated: this._valTrunc,
          encoding: this.charset,
          mimeType: 'text/plain' }
      );
    }
    cb();
  }
}

function readPctEnc(self, chunk, pos, len) {
  if (pos >= len)
    return len;

  if (self._byte === -1) {
    // We saw a '%' but no hex characters yet
    const hexUpper = HEX_VALUES[chunk[pos++]];
    if (hexUpper === -1)
      return -1;

    if (hexUpper >= 8)
      self._encode = 2; // Indicate high bits detected

    if (pos < len) {
      // Both hex characters are in this chunk
      const hexLower = HEX_VALUES[chunk[pos++]];
      if (hexLower === -1)
        return -1;

      if (self._inKey)
        self._key += String.fromCharCode((hexUpper << 4) + hexLower);
      else
        self._val += String.fromCharCode((hexUpper << 4) + hexLower);

      self._byte = -2;
      self._lastPos = pos;
    } else {
      // Only one hex character was available in this chunk
      self._byte = hexUpper;
    }
  } else {
    // We saw only one hex character so far
    const hexLower = HEX_VALUES[chunk[pos++]];
    if (hexLower === -1)
      return -1;

    if (self._inKey)
      self._key += String.fromCharCode((self._byte << 4) + hexLower);
    else
      self._val += String.fromCharCode((self._byte << 4) + hexLower);

    self._byte = -2;
    self._lastPos = pos;
  }

  return pos;
}

function skipKeyBytes(self, chunk, pos, len) {
  // Skip bytes if we've truncated
  if (self._bytesKey > self.fieldNameSizeLimit) {
    if (!self._keyTrunc) {
      if (self._lastPos < pos)
        self._key += chunk.latin1Slice(self._lastPos, pos - 1);
    }
    self._keyTrunc = true;
    for (; pos < len; ++pos) {
      const code = chunk[pos];
      if (code === 61/* '=' */ || code === 38/* '&' */)
        break;
      ++self._bytesKey;
    }
    self._lastPos = pos;
  }

  return pos;
}

function skipValBytes(self, chunk, pos, len) {
  // Skip bytes if we've truncated
  if (self._bytesVal > self.fieldSizeLimit) {
    if (!self._valTrunc) {
      if (self._lastPos < pos)
        self._val += chunk.latin1Slice(self._lastPos, pos - 1);
    }
    self._valTrunc = true;
    for (; pos < len; ++pos) {
      if (chunk[pos] === 38/* '&' */)
        break;
      ++self._bytesVal;
    }
    self._lastPos = pos;
  }

  return pos;
}

/* eslint-disable no-multi-spaces */
const HEX_VALUES = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];
/* eslint-enable no-multi-spaces */

module.exports = URLEncoded;


/***/ }),

/***/ 313:
/***/ (function(module) {



function parseContentType(str) {
  if (str.length === 0)
    return;

  const params = Object.create(null);
  let i = 0;

  // Parse type
  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      if (code !== 47/* '/' */ || i === 0)
        return;
      break;
    }
  }
  // Check for type without subtype
  if (i === str.length)
    return;

  const type = str.slice(0, i).toLowerCase();

  // Parse subtype
  const subtypeStart = ++i;
  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      // Make sure we have a subtype
      if (i === subtypeStart)
        return;

      if (parseContentTypeParams(str, i, params) === undefined)
        return;
      break;
    }
  }
  // Make sure we have a subtype
  if (i === subtypeStart)
    return;

  const subtype = str.slice(subtypeStart, i).toLowerCase();

  return { type, subtype, params };
}

function parseContentTypeParams(str, i, params) {
  while (i < str.length) {
    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace
    if (i === str.length)
      break;

    // Check for malformed parameter
    if (str.charCodeAt(i++) !== 59/* ';' */)
      return;

    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace (malformed)
    if (i === str.length)
      return;

    let name;
    const nameStart = i;
    // Parse parameter name
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (TOKEN[code] !== 1) {
        if (code !== 61/* '=' */)
          return;
        break;
      }
    }

    // No value (malformed)
    if (i === str.length)
      return;

    name = str.slice(nameStart, i);
    ++i; // Skip over '='

    // No value (malformed)
    if (i === str.length)
      return;

    let value = '';
    let valueStart;
    if (str.charCodeAt(i) === 34/* '"' */) {
      valueStart = ++i;
      let escaping = false;
      // Parse quoted value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (code === 92/* '\\' */) {
          if (escaping) {
            valueStart = i;
            escaping = false;
          } else {
            value += str.slice(valueStart, i);
            escaping = true;
          }
          continue;
        }
        if (code === 34/* '"' */) {
          if (escaping) {
            valueStart = i;
            escaping = false;
            continue;
          }
          value += str.slice(valueStart, i);
          break;
        }
        if (escaping) {
          valueStart = i - 1;
          escaping = false;
        }
        // Invalid unescaped quoted character (malformed)
        if (QDTEXT[code] !== 1)
          return;
      }

      // No end quote (malformed)
      if (i === str.length)
        return;

      ++i; // Skip over double quote
    } else {
      valueStart = i;
      // Parse unquoted value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          // No value (malformed)
          if (i === valueStart)
            return;
          break;
        }
      }
      value = str.slice(valueStart, i);
    }

    name = name.toLowerCase();
    if (params[name] === undefined)
      params[name] = value;
  }

  return params;
}

function parseDisposition(str, defDecoder) {
  if (str.length === 0)
    return;

  const params = Object.create(null);
  let i = 0;

  for (; i < str.length; ++i) {
    const code = str.charCodeAt(i);
    if (TOKEN[code] !== 1) {
      if (parseDispositionParams(str, i, params, defDecoder) === undefined)
        return;
      break;
    }
  }

  const type = str.slice(0, i).toLowerCase();

  return { type, params };
}

function parseDispositionParams(str, i, params, defDecoder) {
  while (i < str.length) {
    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace
    if (i === str.length)
      break;

    // Check for malformed parameter
    if (str.charCodeAt(i++) !== 59/* ';' */)
      return;

    // Consume whitespace
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (code !== 32/* ' ' */ && code !== 9/* '\t' */)
        break;
    }

    // Ended on whitespace (malformed)
    if (i === str.length)
      return;

    let name;
    const nameStart = i;
    // Parse parameter name
    for (; i < str.length; ++i) {
      const code = str.charCodeAt(i);
      if (TOKEN[code] !== 1) {
        if (code === 61/* '=' */)
          break;
        return;
      }
    }

    // No value (malformed)
    if (i === str.length)
      return;

    let value = '';
    let valueStart;
    let charset;
    //~ let lang;
    name = str.slice(nameStart, i);
    if (name.charCodeAt(name.length - 1) === 42/* '*' */) {
      // Extended value

      const charsetStart = ++i;
      // Parse charset name
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (CHARSET[code] !== 1) {
          if (code !== 39/* '\'' */)
            return;
          break;
        }
      }

      // Incomplete charset (malformed)
      if (i === str.length)
        return;

      charset = str.slice(charsetStart, i);
      ++i; // Skip over the '\''

      //~ const langStart = ++i;
      // Parse language name
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (code === 39/* '\'' */)
          break;
      }

      // Incomplete language (malformed)
      if (i === str.length)
        return;

      //~ lang = str.slice(langStart, i);
      ++i; // Skip over the '\''

      // No value (malformed)
      if (i === str.length)
        return;

      valueStart = i;

      let encode = 0;
      // Parse value
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (EXTENDED_VALUE[code] !== 1) {
          if (code === 37/* '%' */) {
            let hexUpper;
            let hexLower;
            if (i + 2 < str.length
                && (hexUpper = HEX_VALUES[str.charCodeAt(i + 1)]) !== -1
                && (hexLower = HEX_VALUES[str.charCodeAt(i + 2)]) !== -1) {
              const byteVal = (hexUpper << 4) + hexLower;
              value += str.slice(valueStart, i);
              value += String.fromCharCode(byteVal);
              i += 2;
              valueStart = i + 1;
              if (byteVal >= 128)
                encode = 2;
              else if (encode === 0)
                encode = 1;
              continue;
            }
            // '%' disallowed in non-percent encoded contexts (malformed)
            return;
          }
          break;
        }
      }

      value += str.slice(valueStart, i);
      value = convertToUTF8(value, charset, encode);
      if (value === undefined)
        return;
    } else {
      // Non-extended value

      ++i; // Skip over '='

      // No value (malformed)
      if (i === str.length)
        return;

      if (str.charCodeAt(i) === 34/* '"' */) {
        valueStart = ++i;
        let escaping = false;
        // Parse quoted value
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code === 92/* '\\' */) {
            if (escaping) {
              valueStart = i;
              escaping = false;
            } else {
              value += str.slice(valueStart, i);
              escaping = true;
            }
            continue;
          }
          if (code === 34/* '"' */) {
            if (escaping) {
              valueStart = i;
              escaping = false;
              continue;
            }
            value += str.slice(valueStart, i);
            break;
          }
          if (escaping) {
            valueStart = i - 1;
            escaping = false;
          }
          // Invalid unescaped quoted character (malformed)
          if (QDTEXT[code] !== 1)
            return;
        }

        // No end quote (malformed)
        if (i === str.length)
          return;

        ++i; // Skip over double quote
      } else {
        valueStart = i;
        // Parse unquoted value
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            // No value (malformed)
            if (i === valueStart)
              return;
            break;
          }
        }
        value = str.slice(valueStart, i);
      }

      value = defDecoder(value, 2);
      if (value === undefined)
        return;
    }

    name = name.toLowerCase();
    if (params[name] === undefined)
      params[name] = value;
  }

  return params;
}

function getDecoder(charset) {
  let lc;
  while (true) {
    switch (charset) {
      case 'utf-8':
      case 'utf8':
        return decoders.utf8;
      case 'latin1':
      case 'ascii': // TODO: Make these a separate, strict decoder?
      case 'us-ascii':
      case 'iso-8859-1':
      case 'iso8859-1':
      case 'iso88591':
      case 'iso_8859-1':
      case 'windows-1252':
      case 'iso_8859-1:1987':
      case 'cp1252':
      case 'x-cp1252':
        return decoders.latin1;
      case 'utf16le':
      case 'utf-16le':
      case 'ucs2':
      case 'ucs-2':
        return decoders.utf16le;
      case 'base64':
        return decoders.base64;
      default:
        if (lc === undefined) {
          lc = true;
          charset = charset.toLowerCase();
          continue;
        }
        return decoders.other.bind(charset);
    }
  }
}

const decoders = {
  utf8: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string') {
      // If `data` never had any percent-encoded bytes or never had any that
      // were outside of the ASCII range, then we can safely just return the
      // input since UTF-8 is ASCII compatible
      if (hint < 2)
        return data;

      data = Buffer.from(data, 'latin1');
    }
    return data.utf8Slice(0, data.length);
  },

  latin1: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      return data;
    return data.latin1Slice(0, data.length);
  },

  utf16le: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    return data.ucs2Slice(0, data.length);
  },

  base64: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    return data.base64Slice(0, data.length);
  },

  other: (data, hint) => {
    if (data.length === 0)
      return '';
    if (typeof data === 'string')
      data = Buffer.from(data, 'latin1');
    try {
      const decoder = new TextDecoder(this);
      return decoder.decode(data);
    } catch {}
  },
};

function convertToUTF8(data, charset, hint) {
  const decode = getDecoder(charset);
  if (decode)
    return decode(data, hint);
}

function basename(path) {
  if (typeof path !== 'string')
    return '';
  for (let i = path.length - 1; i >= 0; --i) {
    switch (path.charCodeAt(i)) {
      case 0x2F: // '/'
      case 0x5C: // '\'
        path = path.slice(i + 1);
        return (path === '..' || path === '.' ? '' : path);
    }
  }
  return (path === '..' || path === '.' ? '' : path);
}

const TOKEN = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const QDTEXT = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

const CHARSET = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const EXTENDED_VALUE = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/* eslint-disable no-multi-spaces */
const HEX_VALUES = [
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
];
/* eslint-enable no-multi-spaces */

module.exports = {
  basename,
  convertToUTF8,
  getDecoder,
  parseContentType,
  parseDisposition,
};


/***/ }),

/***/ 26:
/***/ ((module) => {


/*
  Based heavily on the Streaming Boyer-Moore-Horspool C++ implementation
  by Hongli Lai at: https://github.com/FooBarWidget/boyer-moore-horspool
*/
function memcmp(buf1, pos1, buf2, pos2, num) {
  for (let i = 0; i < num; ++i) {
    if (buf1[pos1 + i] !== buf2[pos2 + i])
      return false;
  }
  return true;
}

class SBMH {
  constructor(needle, cb) {
    if (typeof cb !== 'function')
      throw new Error('Missing match callback');

    if (typeof needle === 'string')
      needle = Buffer.from(needle);
    else if (!Buffer.isBuffer(needle))
      throw new Error(`Expected Buffer for needle, got ${typeof needle}`);

    const needleLen = needle.length;

    this.maxMatches = Infinity;
    this.matches = 0;

    this._cb = cb;
    this._lookbehindSize = 0;
    this._needle = needle;
    this._bufPos = 0;

    this._lookbehind = Buffer.allocUnsafe(needleLen);

    // Initialize occurrence table.
    this._occ = [
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen, needleLen, needleLen,
      needleLen, needleLen, needleLen, needleLen
    ];

    // Populate occurrence table with analysis of the needle, ignoring the last
    // letter.
    if (needleLen > 1) {
      for (let i = 0; i < needleLen - 1; ++i)
        this._occ[needle[i]] = needleLen - 1 - i;
    }
  }

  reset() {
    this.matches = 0;
    this._lookbehindSize = 0;
    this._bufPos = 0;
  }

  push(chunk, pos) {
    let result;
    if (!Buffer.isBuffer(chunk))
      chunk = Buffer.from(chunk, 'latin1');
    const chunkLen = chunk.length;
    this._bufPos = pos || 0;
    while (result !== chunkLen && this.matches < this.maxMatches)
      result = feed(this, chunk);
    return result;
  }

  destroy() {
    const lbSize = this._lookbehindSize;
    if (lbSize)
      this._cb(false, this._lookbehind, 0, lbSize, false);
    this.reset();
  }
}

function feed(self, data) {
  const len = data.length;
  const needle = self._needle;
  const needleLen = needle.length;

  // Positive: points to a position in `data`
  //           pos == 3 points to data[3]
  // Negative: points to a position in the lookbehind buffer
  //           pos == -2 points to lookbehind[lookbehindSize - 2]
  let pos = -self._lookbehindSize;
  const lastNeedleCharPos = needleLen - 1;
  const lastNeedleChar = needle[lastNeedleCharPos];
  const end = len - needleLen;
  const occ = self._occ;
  const lookbehind = self._lookbehind;

  if (pos < 0) {
    // Lookbehind buffer is not empty. Perform Boyer-Moore-Horspool
    // search with character lookup code that considers both the
    // lookbehind buffer and the current round's haystack data.
    //
    // Loop until
    //   there is a match.
    // or until
    //   we've moved past the position that requires the
    //   lookbehind buffer. In this case we switch to the
    //   optimized loop.
    // or until
    //   the character to look at lies outside the haystack.
    while (pos < 0 && pos <= end) {
      const nextPos = pos + lastNeedleCharPos;
      const ch = (nextPos < 0
                  ? lookbehind[self._lookbehindSize + nextPos]
                  : data[nextPos]);

      if (ch === lastNeedleChar
          && matchNeedle(self, data, pos, lastNeedleCharPos)) {
        self._lookbehindSize = 0;
        ++self.matches;
        if (pos > -self._lookbehindSize)
          self._cb(true, lookbehind, 0, self._lookbehindSize + pos, false);
        else
          self._cb(true, undefined, 0, 0, true);

        return (self._bufPos = pos + needleLen);
      }

      pos += occ[ch];
    }

    // No match.

    // There's too few data for Boyer-Moore-Horspool to run,
    // so let's use a different algorithm to skip as much as
    // we can.
    // Forward pos until
    //   the trailing part of lookbehind + data
    //   looks like the beginning of the needle
    // or until
    //   pos == 0
    while (pos < 0 && !matchNeedle(self, data, pos, len - pos))
      ++pos;

    if (pos < 0) {
      // Cut off part of the lookbehind buffer that has
      // been processed and append the entire haystack
      // into it.
      const bytesToCutOff = self._lookbehindSize + pos;

      if (bytesToCutOff > 0) {
        // The cut off data is guaranteed not to contain the needle.
        self._cb(false, lookbehind, 0, bytesToCutOff, false);
      }

      self._lookbehindSize -= bytesToCutOff;
      lookbehind.copy(lookbehind, 0, bytesToCutOff, self._lookbehindSize);
      lookbehind.set(data, self._lookbehindSize);
      self._lookbehindSize += len;

      self._bufPos = len;
      return len;
    }

    // Discard lookbehind buffer.
    self._cb(false, lookbehind, 0, self._lookbehindSize, false);
    self._lookbehindSize = 0;
  }

  pos += self._bufPos;

  const firstNeedleChar = needle[0];

  // Lookbehind buffer is now empty. Perform Boyer-Moore-Horspool
  // search with optimized character lookup code that only considers
  // the current round's haystack data.
  while (pos <= end) {
    const ch = data[pos + lastNeedleCharPos];

    if (ch === lastNeedleChar
        && data[pos] === firstNeedleChar
        && memcmp(needle, 0, data, pos, lastNeedleCharPos)) {
      ++self.matches;
      if (pos > 0)
        self._cb(true, data, self._bufPos, pos, true);
      else
        self._cb(true, undefined, 0, 0, true);

      return (self._bufPos = pos + needleLen);
    }

    pos += occ[ch];
  }

  // There was no match. If there's trailing haystack data that we cannot
  // match yet using the Boyer-Moore-Horspool algorithm (because the trailing
  // data is less than the needle size) then match using a modified
  // algorithm that starts matching from the beginning instead of the end.
  // Whatever trailing data is left after running this algorithm is added to
  // the lookbehind buffer.
  while (pos < len) {
    if (data[pos] !== firstNeedleChar
        || !memcmp(data, pos, needle, 0, len - pos)) {
      ++pos;
      continue;
    }
    data.copy(lookbehind, 0, pos, len);
    self._lookbehindSize = len - pos;
    break;
  }

  // Everything until `pos` is guaranteed not to contain needle data.
  if (pos > 0)
    self._cb(false, data, self._bufPos, pos < len ? pos : len, true);

  self._bufPos = len;
  return len;
}

function matchNeedle(self, data, pos, len) {
  const lb = self._lookbehind;
  const lbSize = self._lookbehindSize;
  const needle = self._needle;

  for (let i = 0; i < len; ++i, ++pos) {
    const ch = (pos < 0 ? lb[lbSize + pos] : data[pos]);
    if (ch !== needle[i])
      return false;
  }
  return true;
}

module.exports = SBMH;


/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
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
  ln: () => (/* reexport */ FAULT_KINDS),
  Mu: () => (/* reexport */ FileShare),
  EV: () => (/* reexport */ LinkActions),
  J: () => (/* reexport */ LinkType),
  v$: () => (/* reexport */ RateLimiter),
  CJ: () => (/* reexport */ RoomType),
  Yg: () => (/* reexport */ SERVER_RATE_LIMITS),
  PQ: () => (/* reexport */ SubjectType),
  JI: () => (/* reexport */ USER_EMAIL),
  ur: () => (/* reexport */ USER_PASSWORD),
  hR: () => (/* reexport */ Unauthorized),
  yI: () => (/* reexport */ ValidationError),
  ke: () => (/* reexport */ applySeed),
  li: () => (/* reexport */ badRequest),
  kk: () => (/* reexport */ configureAudit),
  pr: () => (/* reexport */ defaultSeed),
  o0: () => (/* reexport */ forbidden),
  mX: () => (/* reexport */ notFound),
  ok: () => (/* reexport */ ok),
  bZ: () => (/* reexport */ parseFaults),
  xe: () => (/* reexport */ recordDownloads),
  ak: () => (/* binding */ runCli),
  $t: () => (/* reexport */ setDocSpaceVersion),
  VU: () => (/* reexport */ setShareRights),
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
// The portal's people: a portal admin, who made the seeded entries (the default key's own files), and a
// regular user.

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
const DEFAULT_PORTAL_SETTINGS = {
    version: '3.7.2.1871',
    chunkUploadSize: 10 * 1024 * 1024,
    internalLinksByDefault: false,
    sessionEndpoint: true,
    documentServerVersion: '9.0.4.50',
    externalShare: true,
    externalShareApplyToDocuments: false,
    externalShareApplyToRooms: false
};
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
    settings = { ...DEFAULT_PORTAL_SETTINGS };
    /** Entry id → users who may not manage its links (nor those of anything inside it). */
    withheld = new Map();
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
    /** Changes whenever an entry is added or removed: listings cache their work by it. */
    get revision() {
        return `${this.lastId}:${this.entries.size}`;
    }
    /** Every file, folder and room, in no particular order. */
    all() {
        return this.entries.values();
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
    /**
     * Whether `userId` may see and manage the links of an entry: the server's CanEditAccess / ReadLinks
     * (products/ASC.Files/Core/Utils/FileSharing.cs L661-728). Everyone may, unless a test withheld the right
     * on the entry or on a folder or room above it.
     */
    canShare(entryId, userId) {
        const entry = this.entry(entryId);
        if (!entry)
            return false;
        const chain = [entry, ...this.path(entry.parentId)];
        return !chain.some((e) => this.withheld.get(e.id)?.has(userId));
    }
    // ---- seeding (no validation beyond referential integrity, no journal) ----
    /** Gives back a share right taken with withholdShareRights. */
    restoreShareRights(entryId, userId) {
        this.withheld.get(entryId)?.delete(userId);
    }
    /** Takes the share right on an entry (and what it holds) away from a user, as a room role would. */
    withholdShareRights(entryId, userId) {
        if (!this.entry(entryId))
            throw new Error(`No entry ${entryId}`);
        const set = this.withheld.get(entryId) ?? new Set();
        set.add(userId);
        this.withheld.set(entryId, set);
    }
    addFolder(input) {
        const parentId = input.parentId ?? this.myDocumentsId;
        if (!this.folder(parentId))
            throw new Error(`No folder ${parentId} to put "${input.title}" in`);
        const folder = this.insertFolder(input.title, parentId);
        if (input.createdBy)
            folder.createdBy = input.createdBy;
        return folder;
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
            version: 1,
            ...(input.isForm ? { isForm: true } : {})
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
    /** Removes an entry, and everything below a folder, as a user deleting it meanwhile would. */
    removeEntry(id) {
        const doomed = [id];
        for (let i = 0; i < doomed.length && i < 1_000_000; i++) {
            for (const e of this.entries.values())
                if (e.parentId === doomed[i])
                    doomed.push(e.id);
        }
        for (const gone of doomed) {
            this.entries.delete(gone);
            this.linksByEntry.delete(gone);
        }
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
    /** Removes an entry with everything inside it and their links; returns how many entries went. */
    deleteEntry(id) {
        const doomed = [id];
        for (let i = 0; i < doomed.length; i++) {
            for (const e of this.entries.values()) {
                if (e.parentId === doomed[i] && e.id !== doomed[i])
                    doomed.push(e.id);
            }
        }
        let removed = 0;
        for (const entryId of doomed) {
            if (this.entries.delete(entryId))
                removed++;
            this.linksByEntry.delete(entryId);
        }
        return removed;
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
            createdBy: this.directory.admin.id
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

;// CONCATENATED MODULE: ./emulator/routes/settings.ts

/** Checks settings given to the emulator; throws on a value a portal could not have. */
function checkSettings(settings) {
    if (settings.version !== undefined && !/^\d+(\.\d+){1,3}$/.test(settings.version)) {
        throw new Error(`The version must look like 3.7.2.1871, not "${settings.version}"`);
    }
    const chunk = settings.chunkUploadSize;
    if (chunk !== undefined && !(Number.isSafeInteger(chunk) && chunk > 0)) {
        throw new Error(`The chunk size must be a whole number of bytes above 0, not ${chunk}`);
    }
    return settings;
}
/** Sets the version the portal reports (and whose listing rules it follows), e.g. `3.2.1.0`. */
function setDocSpaceVersion(state, version) {
    state.settings.version = checkSettings({ version }).version ?? version;
}
/** Whether the portal's version is at least `major.minor`. */
function versionAtLeast(state, major, minor) {
    const [a = 0, b = 0] = state.settings.version.split('.').map(Number);
    return a > major || (a === major && b >= minor);
}
function registerSettingsRoutes(router) {
    // web/ASC.Web.Api/Api/Settings/VersionController.cs and BuildVersion.cs: {communityServer, docSpace,
    // documentServer, mailServer, xmppServer}; absent parts are null (omitted).
    router.route('GET', '/api/2.0/settings/version/build', (ctx) => ok({
        docSpace: ctx.state.settings.version,
        documentServer: ctx.state.settings.documentServerVersion ?? undefined
    }), { anonymous: true });
    // products/ASC.Files/Server/Api/SettingsController.cs GetFilesSettings (L217): FilesSettingsDto
    // (FilesSettingsDto.cs L484-510), whose chunkUploadSize is SetupInfo.ChunkUploadSize
    // (web/ASC.Web.Core/SetupInfo.cs L104, `files:uploader:chunk-size`). A subset of its fields.
    router.route('GET', '/api/2.0/files/settings', (ctx) => {
        const s = ctx.state.settings;
        return ok({
            extsArchive: ['.zip', '.tar', '.gz', '.7z', '.rar'],
            extsWebPreviewed: ['.docx', '.xlsx', '.pptx', '.pdf'],
            extsWebEdited: ['.docx', '.xlsx', '.pptx'],
            extsWebReviewed: ['.docx'],
            storeOriginalFiles: true,
            externalShare: s.externalShare,
            externalShareSocialMedia: s.externalShare,
            maxUploadThreadCount: 15,
            chunkUploadSize: s.chunkUploadSize,
            defaultShareLinkInternal: s.internalLinksByDefault,
            externalShareApplyToDocuments: s.externalShareApplyToDocuments,
            externalShareApplyToRooms: s.externalShareApplyToRooms,
            blockExistingLinksOnRestrict: false,
            defaultSharingAccessRights: [2]
        });
    }, { anonymous: true });
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

;// CONCATENATED MODULE: ./emulator/audit-journal.ts

/** Audit ActionType numbers. */
const ActionType = {
    None: 0,
    Create: 1,
    Update: 2,
    Delete: 3,
    Link: 4,
    Unlink: 5,
    Attach: 6,
    Detach: 7,
    Send: 8,
    Import: 9,
    Export: 10,
    UpdateAccess: 11,
    Download: 12,
    Upload: 13,
    Copy: 14,
    Move: 15,
    Reassigns: 16,
    Follow: 17,
    Unfollow: 18,
    Logout: 19
};
/** Audit LocationType (the filter's `moduleType`). */
const LocationType = { None: 0, Files: 1, Folders: 2, Rooms: 27 };
/** MessageAction codes the emulator journals. */
const MessageAction = {
    FileDownloaded: 5009,
    FileDownloadedAs: 5010,
    FileRevisionDownloaded: 5062,
    FolderDownloaded: 5057,
    FileCreated: 5000,
    FileUploaded: 5011,
    FileUploadedWithOverwriting: 5099,
    FileExternalLinkCreated: 5091,
    FileExternalLinkUpdated: 5092,
    FileExternalLinkDeleted: 5093,
    FolderExternalLinkCreated: 5122,
    FolderExternalLinkUpdated: 5123,
    FolderExternalLinkDeleted: 5124,
    RoomExternalLinkCreated: 5088,
    RoomExternalLinkUpdated: 5089,
    RoomExternalLinkDeleted: 5090,
    RoomExternalLinkRevoked: 5097,
    RoomInvitationLinkCreated: 5086,
    RoomInvitationLinkUpdated: 5082,
    RoomInvitationLinkDeleted: 5087
};
const DOWNLOAD_ACTIONS = [
    MessageAction.FileDownloaded,
    MessageAction.FileDownloadedAs,
    MessageAction.FileRevisionDownloaded
];
const A = ActionType;
const E = EntryType;
// Texts of 5009, 5010 and 5057 are the server's English resources; 5062 has none (the server answers
// ""). For the link events the emulator writes a plain description of its own.
const ACTIONS = new Map([
    [
        5009,
        { name: 'FileDownloaded', actionType: A.Download, entry: E.File, text: 'File Downloaded: {0}' }
    ],
    [
        5010,
        {
            name: 'FileDownloadedAs',
            actionType: A.Download,
            entry: E.File,
            text: 'Files [{0}]. Downloaded As: {1}'
        }
    ],
    [5062, { name: 'FileRevisionDownloaded', actionType: A.Download, entry: E.File, text: '' }],
    [
        5057,
        {
            name: 'FolderDownloaded',
            actionType: A.Download,
            entry: E.Folder,
            text: 'Folder Downloaded: {0}'
        }
    ],
    [5000, { name: 'FileCreated', actionType: A.Create, entry: E.File, text: 'File created: {0}' }],
    [5011, { name: 'FileUploaded', actionType: A.Upload, entry: E.File, text: 'File uploaded: {0}' }],
    [
        5099,
        {
            name: 'FileUploadedWithOverwriting',
            actionType: A.Upload,
            entry: E.File,
            text: 'File uploaded with overwriting: {0}'
        }
    ],
    [
        5091,
        {
            name: 'FileExternalLinkCreated',
            actionType: A.Create,
            entry: E.File,
            text: 'File external link created: {0}, {1}'
        }
    ],
    [
        5092,
        {
            name: 'FileExternalLinkUpdated',
            actionType: A.Update,
            entry: E.File,
            text: 'File external link updated: {0}, {1}'
        }
    ],
    [
        5093,
        {
            name: 'FileExternalLinkDeleted',
            actionType: A.Delete,
            entry: E.File,
            text: 'File external link deleted: {0}, {1}'
        }
    ],
    [
        5122,
        {
            name: 'FolderExternalLinkCreated',
            actionType: A.Create,
            entry: E.Folder,
            text: 'Folder external link created: {0}, {1}'
        }
    ],
    [
        5123,
        {
            name: 'FolderExternalLinkUpdated',
            actionType: A.Update,
            entry: E.Folder,
            text: 'Folder external link updated: {0}, {1}'
        }
    ],
    [
        5124,
        {
            name: 'FolderExternalLinkDeleted',
            actionType: A.Delete,
            entry: E.Folder,
            text: 'Folder external link deleted: {0}, {1}'
        }
    ],
    [
        5088,
        {
            name: 'RoomExternalLinkCreated',
            actionType: A.Create,
            entry: E.Room,
            text: 'Room external link created: {0}, {1}'
        }
    ],
    [
        5089,
        {
            name: 'RoomExternalLinkUpdated',
            actionType: A.Update,
            entry: E.Room,
            text: 'Room external link updated: {0}, {1}'
        }
    ],
    [
        5090,
        {
            name: 'RoomExternalLinkDeleted',
            actionType: A.Delete,
            entry: E.Room,
            text: 'Room external link deleted: {0}, {1}'
        }
    ],
    [
        5097,
        {
            name: 'RoomExternalLinkRevoked',
            actionType: A.Update,
            entry: E.Room,
            text: 'Room external link revoked: {0}, {1}'
        }
    ],
    [
        5086,
        {
            name: 'RoomInvitationLinkCreated',
            actionType: A.Create,
            entry: E.Room,
            text: 'Room invitation link created: {0}, {1}'
        }
    ],
    [
        5082,
        {
            name: 'RoomInvitationLinkUpdated',
            actionType: A.Update,
            entry: E.Room,
            text: 'Room invitation link updated: {0}, {1}'
        }
    ],
    [
        5087,
        {
            name: 'RoomInvitationLinkDeleted',
            actionType: A.Delete,
            entry: E.Room,
            text: 'Room invitation link deleted: {0}, {1}'
        }
    ]
]);
const ACTION_BY_NAME = new Map([...ACTIONS].map(([id, meta]) => [meta.name.toLowerCase(), id]));
/** The MessageAction id for a number or a name (case-insensitive), as the query binder reads it. */
function messageActionOf(text) {
    const trimmed = text.trim();
    if (/^-?\d+$/.test(trimmed))
        return Number(trimmed);
    return ACTION_BY_NAME.get(trimmed.toLowerCase());
}
function actionMeta(actionId) {
    return ACTIONS.get(actionId);
}
function locationOf(entry) {
    if (entry === E.File)
        return LocationType.Files;
    if (entry === E.Folder)
        return LocationType.Folders;
    if (entry === E.Room)
        return LocationType.Rooms;
    return LocationType.None;
}
/** What the filter matches an event on: its mapping, or the journal's entry type for unmapped actions. */
function classify(event) {
    const meta = ACTIONS.get(event.actionId);
    const entry = meta?.entry ?? event.entryType;
    return { actionType: meta?.actionType ?? A.None, entry, location: locationOf(entry) };
}
/** The server's GUID for visitors who are not signed in is not modelled; downloads through a link use this. */
const ANONYMOUS_USER_ID = '00000000-0000-0000-0000-000000000000';
function auditEventDto(id, event, state, portal) {
    const meta = ACTIONS.get(event.actionId);
    const { actionType, entry, location } = classify(event);
    const details = event.description ?? [];
    const action = (meta?.text ?? '').replace(/\{(\d)\}/g, (_, i) => details[Number(i)] ?? '');
    const user = state.directory.byId(event.userId);
    return {
        id,
        date: portal.date(event.at),
        user: user?.displayName ?? 'Guest',
        userId: event.userId,
        action,
        actionId: event.actionId,
        ip: '127.0.0.1',
        country: '',
        city: '',
        browser: 'Emulator',
        platform: 'Emulator',
        page: '',
        actionType,
        product: 2,
        location,
        target: event.target,
        entries: [entry]
    };
}
const settings = new WeakMap();
function stateOf(target) {
    return 'journal' in target ? target : target.state;
}
function auditSettings(target) {
    const state = stateOf(target);
    let current = settings.get(state);
    if (!current) {
        current = { auditOption: true };
        settings.set(state, current);
    }
    return current;
}
function configureAudit(target, change) {
    return Object.assign(auditSettings(target), change);
}
/** Journals `count` downloads of a file at once, as if each had gone through the download handler. */
function recordDownloads(target, fileId, count, seed = {}) {
    const state = stateOf(target);
    const file = state.file(fileId);
    if (!file)
        throw new Error(`No file ${fileId} to record downloads of`);
    if (!Number.isSafeInteger(count) || count < 0 || count > 1_000_000) {
        throw new Error(`A download count must be a whole number from 0 to 1000000, not ${count}`);
    }
    const actionId = seed.actionId ?? MessageAction.FileDownloaded;
    if (!DOWNLOAD_ACTIONS.includes(actionId))
        throw new Error(`${actionId} is not a download action`);
    const events = [];
    for (let i = 0; i < count; i++) {
        events.push(state.record({
            at: seed.at,
            actionId,
            target: [String(file.id)],
            entryType: EntryType.File,
            userId: seed.userId ?? ANONYMOUS_USER_ID,
            description: actionId === MessageAction.FileDownloadedAs ? [file.title, 'pdf'] : [file.title]
        }));
    }
    return events;
}

;// CONCATENATED MODULE: ./emulator/routes/audit.ts




/** What a portal without the Audit option answers, and what `events/last` gives. */
const LAST_EVENTS = 20;
const audit_GUID = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const accessDenied = () => new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078);
// Enum parameters bind from a number or a member name; anything else is a validation error.
function readFilter(query) {
    const errors = {};
    const int = (name) => {
        const text = query[name];
        if (text === undefined || text.trim() === '')
            return 0;
        if (/^\s*-?\d+\s*$/.test(text))
            return Number(text);
        errors[name] = [`The value '${text}' is not valid for ${name}.`];
        return 0;
    };
    const date = (name) => {
        const text = query[name];
        if (text === undefined || text.trim() === '')
            return undefined;
        const parsed = parseApiDate(text);
        if (!parsed)
            errors[name] = [`The value '${text}' is not valid for ${name}.`];
        return parsed;
    };
    let action = 0;
    if (query.action !== undefined && query.action.trim() !== '') {
        const parsed = messageActionOf(query.action);
        if (parsed === undefined)
            errors.action = [`The value '${query.action}' is not valid for action.`];
        else
            action = parsed;
    }
    let userId;
    if (query.userId !== undefined && query.userId.trim() !== '') {
        const m = audit_GUID.exec(query.userId.trim());
        if (!m)
            errors.userId = [`The value '${query.userId}' is not valid for userId.`];
        else
            userId = m.slice(1).join('-').toLowerCase();
    }
    const filter = {
        userId: userId === EMPTY_GUID ? undefined : userId,
        moduleType: int('moduleType'),
        actionType: int('actionType'),
        action,
        entryType: int('entryType'),
        target: query.target === undefined || query.target === '' ? undefined : query.target,
        from: date('from'),
        to: date('to')
    };
    if (Object.keys(errors).length > 0)
        throw new ValidationError(errors);
    return filter;
}
/** The journal numbered in the order events were recorded: ids never change. */
function numbered(events) {
    return events.map((event, i) => ({ id: i + 1, event }));
}
// Seeded events may be recorded out of time order, so the order is by time, then by id.
function newestFirst(events) {
    return events.sort((a, b) => b.event.at.getTime() - a.event.at.getTime() || b.id - a.id);
}
function storedTarget(event) {
    return event.target.join(',');
}
function applyFilter(events, filter) {
    return events.filter(({ event }) => {
        if (filter.action !== 0) {
            if (event.actionId !== filter.action)
                return false;
            if (filter.target !== undefined && storedTarget(event) !== filter.target)
                return false;
        }
        else {
            const kind = classify(event);
            if (filter.moduleType !== 0 && kind.location !== filter.moduleType)
                return false;
            if (filter.actionType !== 0 && kind.actionType !== filter.actionType)
                return false;
            if (filter.entryType !== 0) {
                if (kind.entry !== filter.entryType)
                    return false;
                if (filter.target !== undefined && !storedTarget(event).includes(filter.target))
                    return false;
            }
        }
        if (filter.userId !== undefined && event.userId.toLowerCase() !== filter.userId)
            return false;
        if (filter.from && event.at.getTime() < filter.from.getTime())
            return false;
        if (filter.to && event.at.getTime() > filter.to.getTime())
            return false;
        return true;
    });
}
function requireAdmin(ctx) {
    if (!ctx.user?.isAdmin)
        throw accessDenied();
}
function reply(ctx, events) {
    return ok(events.map(({ id, event }) => auditEventDto(id, event, ctx.state, ctx.portal)));
}
function registerAuditRoutes(router) {
    router.route('GET', '/api/2.0/security/audit/events/filter', (ctx) => {
        requireAdmin(ctx);
        // Model binding runs before the action, so a bad count is refused in either mode.
        const { startIndex, count } = paging(ctx.query);
        const filter = readFilter(ctx.query);
        const all = numbered(ctx.state.journal);
        if (!auditSettings(ctx.state).auditOption) {
            return reply(ctx, newestFirst(all).slice(0, LAST_EVENTS));
        }
        return reply(ctx, newestFirst(applyFilter(all, filter)).slice(startIndex, startIndex + count));
    });
    router.route('GET', '/api/2.0/security/audit/events/last', (ctx) => {
        requireAdmin(ctx);
        return reply(ctx, newestFirst(numbered(ctx.state.journal)).slice(0, LAST_EVENTS));
    });
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
            isAdmin: user.isAdmin,
            // EmployeeFullDto: the portal owner is the emulator's admin.
            isOwner: user.id === ctx.state.directory.admin.id,
            isVisitor: false
        });
    });
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

;// CONCATENATED MODULE: ./emulator/routes/deletion.ts
// Deleting files and folders: DELETE /api/2.0/files/folder/{id} and /api/2.0/files/file/{id}
// (products/ASC.Files/Server/Api/FoldersController.cs L229, FilesController.cs). The server queues a file
// operation and answers the list of operations; the emulator carries it out at once (as `immediately:
// true` does, skipping the trash) and answers the operation finished. System folders cannot be deleted.




/** FileOperationType.Delete. */
const DELETE_OPERATION = 2;
async function remove(ctx, id) {
    const fields = new BodyFields(await ctx.json().catch(() => ({})));
    fields.bool('deleteAfter');
    fields.bool('immediately');
    fields.done();
    if (id === ctx.state.myDocumentsId || id === ctx.state.roomsFolderId) {
        throw forbidden('Access denied');
    }
    ctx.state.deleteEntry(id);
    return ok([
        { id: (0,external_node_crypto_namespaceObject.randomUUID)(), operation: DELETE_OPERATION, progress: 100, error: '', finished: true }
    ]);
}
function registerDeletionRoutes(router) {
    router.route('DELETE', '/api/2.0/files/folder/{id:int}', (ctx) => remove(ctx, requireFolder(ctx).id));
    router.route('DELETE', '/api/2.0/files/file/{id:int}', (ctx) => remove(ctx, requireFile(ctx).id));
}

;// CONCATENATED MODULE: ./emulator/routes/downloads.ts


/** Bytes made up for a file that was seeded with only a size are capped here. */
const MAX_MADE_UP_BYTES = 64 * 1024 * 1024;
function downloads_text(statusCode, body) {
    return { kind: 'raw', statusCode, body, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
}
/** The external link whose share token (or short key) is `share`, on the file or a folder above it. */
function linkForShare(ctx, file, share) {
    const holders = [
        ...ctx.state.links('file', file.id),
        ...ctx.state.path(file.parentId).flatMap((folder) => ctx.state.links('folder', folder.id))
    ];
    return holders.find((l) => l.linkType === LinkType.External && (l.requestToken === share || l.key === share));
}
function bytesOf(file) {
    return file.content ?? Buffer.alloc(Math.min(file.size, MAX_MADE_UP_BYTES), 0x2a);
}
/** `bytes=a-b` / `bytes=a-` → [start, end] inclusive; undefined for no or an unusable header. */
function rangeOf(header, size) {
    const m = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
    if (!m)
        return undefined;
    const start = Number(m[1]);
    const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (start > end || start >= size)
        return undefined;
    return [start, end];
}
function download(ctx) {
    const { action, fileid, share, version } = ctx.query;
    if ((action ?? '').toLowerCase() !== 'download')
        return downloads_text(400, 'Unsupported action');
    if (!fileid || !/^\d+$/.test(fileid))
        return downloads_text(400, 'fileid is required');
    const file = ctx.state.file(Number(fileid));
    if (!file)
        return downloads_text(404, 'The required file was not found');
    let userId = ctx.user?.id;
    if (share !== undefined && share !== '') {
        const link = linkForShare(ctx, file, share);
        if (!link)
            return downloads_text(403, 'The link is invalid');
        if (link.expirationDate && link.expirationDate.getTime() < Date.now()) {
            return downloads_text(403, 'The link has expired');
        }
        if (link.denyDownload)
            return downloads_text(403, 'Downloading is not allowed through this link');
        if (link.password)
            return downloads_text(403, 'The link is protected by a password');
        userId ??= ANONYMOUS_USER_ID;
    }
    if (userId === undefined)
        return { kind: 'raw', statusCode: 401 };
    let actionId = MessageAction.FileDownloaded;
    if (version !== undefined && version !== '') {
        const n = /^\d+$/.test(version) ? Number(version) : NaN;
        if (!(n >= 1 && n <= file.version))
            return downloads_text(404, 'The required file was not found');
        actionId = MessageAction.FileRevisionDownloaded;
    }
    const bytes = bytesOf(file);
    const range = rangeOf(ctx.req.headers.range, bytes.length);
    const headers = {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.title)}`,
        'Accept-Ranges': 'bytes'
    };
    if (!range || range[0] === 0) {
        ctx.state.record({
            actionId,
            target: [String(file.id)],
            entryType: EntryType.File,
            userId,
            description: [file.title]
        });
    }
    if (!range)
        return { kind: 'raw', statusCode: 200, body: bytes, headers };
    const [start, end] = range;
    headers['Content-Range'] = `bytes ${start}-${end}/${bytes.length}`;
    return { kind: 'raw', statusCode: 206, body: bytes.subarray(start, end + 1), headers };
}
function registerDownloadRoutes(router) {
    // Anonymous: a visitor with a share token may download; without one the handler asks for sign-in.
    router.route('GET', '/filehandler.ashx', download, { anonymous: true });
}

;// CONCATENATED MODULE: ./emulator/portal-rules.ts
// What a real portal allows and what it rewrites, as the server's source has it (ONLYOFFICE/DocSpace-server
// v3.7.2). The emulator keeps its own copy of these rules, apart from the action's, so that a test proves the
// action right against the server's behaviour rather than against itself.

const { Read, Review, Comment, FillForms, Editing, ContentCreator } = FileShare;
// products/ASC.Files/Core/Core/Security/FileSecurity.cs: AvailableRoomAccesses (L157 on) gives the accesses
// by room type and link subject; the link limits are L110-128. No room type offers RoomManager (9) to an
// invitation link. An unknown room type (AI rooms) is treated like a Custom room.
const ROOM_RULES = new Map([
    [
        RoomType.CustomRoom,
        {
            invitation: [ContentCreator, Editing, Review, Comment, Read],
            external: [Read, Editing, Review, Comment, FillForms],
            extraExternal: 5
        }
    ],
    [RoomType.PublicRoom, { invitation: [ContentCreator, Read], external: [Read], extraExternal: 5 }],
    [
        RoomType.FillingFormsRoom,
        { invitation: [ContentCreator, FillForms], external: [FillForms, Read], extraExternal: 0 }
    ],
    [
        RoomType.EditingRoom,
        { invitation: [ContentCreator, Editing, Read], external: [], extraExternal: 0 }
    ],
    [
        RoomType.VirtualDataRoom,
        { invitation: [ContentCreator, Editing, Read, FillForms], external: [], extraExternal: 0 }
    ]
]);
function roomRule(roomType) {
    return ROOM_RULES.get(roomType) ?? ROOM_RULES.get(RoomType.CustomRoom);
}
function roomAccesses(roomType, linkType) {
    const rule = roomRule(roomType);
    return linkType === LinkType.Invitation ? rule.invitation : rule.external;
}
// web/ASC.Web.Core/Files/FileUtility.cs: the extensions the editors open (ExtsWebEdited, ExtsWebReviewed,
// ExtsWebCommented) and those only viewed (images, media, formats converted on opening). Everything else
// (archives, executables, tarballs) cannot be opened at all.
const FORMATS = [
    [
        'document',
        ['.docx', '.docm', '.dotx', '.odt', '.rtf', '.txt', '.html', '.htm', '.md', '.epub']
    ],
    ['spreadsheet', ['.xlsx', '.xlsm', '.xltx', '.ods', '.csv']],
    ['presentation', ['.pptx', '.pptm', '.potx', '.odp']],
    ['pdf', ['.pdf']],
    [
        'viewable',
        ['.doc', '.xls', '.ppt', '.djvu', '.xps', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.bmp']
    ],
    ['viewable', ['.tif', '.tiff', '.webp', '.mp3', '.mp4', '.m4a', '.ogg', '.wav', '.webm', '.mov']]
];
function fileFormat(title, isForm = false) {
    const name = title.toLowerCase();
    if (isForm && name.endsWith('.pdf'))
        return 'form';
    for (const [format, extensions] of FORMATS) {
        if (extensions.some((e) => name.endsWith(e)))
            return format;
    }
    return 'other';
}
// products/ASC.Files/Core/Core/Security/FileSecurity.cs GetAccesses(File) (L3267-3341): Editing needs a format
// the editors write, Review one they review (documents), Comment one they comment; a PDF form takes
// FillForms or Editing and refuses Read. Checked in products/ASC.Files/Core/Utils/FileSharing.cs L156-165.
const FORMAT_ACCESS = new Map([
    ['document', [Read, Editing, Review, Comment]],
    ['spreadsheet', [Read, Editing, Comment]],
    ['presentation', [Read, Editing, Comment]],
    ['pdf', [Read, Editing, Comment]],
    ['form', [FillForms, Editing]],
    ['viewable', [Read]],
    ['other', [Read]]
]);
function formatAccesses(format) {
    return FORMAT_ACCESS.get(format) ?? [Read];
}
/**
 * FileSharing.cs L156-165: on a file the editors cannot open, an access other than Read is skipped without a
 * word (no 403): the create answers 200 with no link, the update leaves the link as it was.
 */
function skipsRefusedAccess(format) {
    return format === 'other';
}
/** FileSecurity.cs L3381, FileSharing.cs L197: since v3.6 only a folder's creator may revoke its links. */
const FOLDER_REVOKE_BY_CREATOR_ONLY = true;
// products/ASC.Files/Core/Helpers/Global.cs ReplaceInvalidCharsAndTruncate (L196-241): the characters
// \ / : * ? " < > |, the plus sign, tabs and every UTF-16 surrogate (so an emoji becomes "__") turn into `_`,
// surrounding white space is trimmed and the title is cut to 170 characters.
const MAX_TITLE_LENGTH = 170;
const INVALID_TITLE_CHARS = /[\\/:*?"<>|+\t\uD800-\uDFFF]/g;
function storedTitle(title) {
    let out = title.replace(INVALID_TITLE_CHARS, '_').trim();
    if (out.length > MAX_TITLE_LENGTH)
        out = out.slice(0, MAX_TITLE_LENGTH);
    return out;
}
// products/ASC.Files/Core/Core/EF/DbFile.cs L227-232: titles are compared under the utf8_general_ci
// collation, so `App.zip` and `app.zip` (and `é`/`e`) are the same name.
function sameTitle(a, b) {
    return fold(a) === fold(b);
}
function fold(title) {
    return title
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
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
/** The accesses a link of this type may carry on this entry. */
function allowedAccess(entry, linkType) {
    if (entry.kind === 'room')
        return roomAccesses(entry.roomType, linkType);
    if (entry.kind === 'file')
        return formatAccesses(fileFormat(entry.title, entry.isForm));
    return ENTRY_LINK_ACCESS;
}
/** How many links of this kind (primary excluded) an entry may have. */
function linkLimit(state, entry, linkType) {
    if (entry.kind === 'room') {
        return linkType === LinkType.Invitation ? 1 : roomRule(entry.roomType).extraExternal;
    }
    return state.roomOf(entry.id)?.roomType === RoomType.PublicRoom ? 5 : 6;
}
/** Room type rules that override the requested `internal`, then the portal's default for new links. */
function forcedInternal(state, entry, requested, creating) {
    const roomType = state.roomOf(entry.id)?.roomType;
    if (roomType === RoomType.VirtualDataRoom)
        return true;
    if (roomType === RoomType.PublicRoom)
        return false;
    // FileStorageService.cs L5967-6003: the "share links internal by default" setting turns a new link
    // internal when it is made by PUT with no link id or by GET …/link.
    if (creating && state.settings.internalLinksByDefault)
        return true;
    return requested;
}
/** Whether the key's user may change `internal` on links here (FileSecurity.cs L1377-1385). */
function canEditInternal(roomType) {
    return roomType !== RoomType.VirtualDataRoom && roomType !== RoomType.PublicRoom;
}
/** Whether the expiry of this link can be changed (FileSecurity.cs L1741). */
function canEditExpiration(roomType, primary) {
    return roomType !== RoomType.FillingFormsRoom && !(primary && roomType === RoomType.PublicRoom);
}
/**
 * FileSharing.cs L206, L218: an update (a revoke included) that changes `internal` or the expiry where
 * the user may not change them is dropped whole: 200, the link as it was.
 */
function dropsUpdate(state, existing, internal, expiration) {
    const roomType = state.roomOf(existing.entryId)?.roomType;
    const primary = existing.subjectType === SubjectType.PrimaryExternalLink;
    if (internal !== existing.internal && !canEditInternal(roomType))
        return true;
    const before = existing.expirationDate?.getTime() ?? null;
    const after = expiration?.getTime() ?? null;
    return before !== after && !canEditExpiration(roomType, primary);
}
/** FileSharing.cs L704-728 (reading) and SetAceObjectAsync (writing): share rights or "Access denied". */
function requireShareRights(state, entry, userId) {
    if (!state.canShare(entry.id, userId))
        throw forbidden(ACCESS_DENIED);
}
const ACCESS_DENIED = 'Access denied';
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
    requireShareRights(state, entry, userId);
    const existing = request.linkId ? state.link(entry.id, request.linkId) : undefined;
    // An existing link keeps what it is: its subject type and link type win over the body.
    const linkType = existing?.linkType ?? (entry.kind === 'room' ? request.linkType : LinkType.External);
    const invitation = linkType === LinkType.Invitation;
    const actions = actionsFor(entry, linkType);
    if (request.access === FileShare.None) {
        if (!existing)
            return {};
        // FileSecurity.cs L3381, FileSharing.cs L197: a folder's links are revoked by its creator only.
        if (entry.kind === 'folder' && entry.createdBy !== userId)
            throw forbidden(ACCESS_DENIED);
        // A revoke is an update like any other: an absent `internal` counts as false, an absent date as none.
        const date = request.expirationDate ?? null;
        if (dropsUpdate(state, existing, request.internal, date))
            return { link: existing };
        state.deleteLink(entry.id, existing.id);
        journal(state, entry, actions.deleted, userId, existing, now);
        return replaceRevokedPrimary(state, entry, existing, userId, now);
    }
    if (!allowedAccess(entry, linkType).includes(request.access)) {
        // FileSharing.cs L156-165: on a file the editors cannot open, the access is skipped silently.
        if (entry.kind === 'file' && skipsRefusedAccess(fileFormat(entry.title, entry.isForm))) {
            return existing ? { link: existing } : {};
        }
        throw forbidden(ROLE_NOT_AVAILABLE);
    }
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
        internal: forcedInternal(state, entry, request.internal, !existing),
        maxUseCount
    };
    if (existing) {
        if (dropsUpdate(state, existing, request.internal, expirationDate))
            return { link: existing };
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
    requireShareRights(state, entry, userId);
    const found = state
        .links(entry.kind, entry.id)
        .find((l) => l.subjectType === SubjectType.PrimaryExternalLink);
    if (found)
        return found;
    if (init.access === FileShare.None)
        return undefined;
    if (!allowedAccess(entry, LinkType.External).includes(init.access)) {
        if (entry.kind === 'file' && skipsRefusedAccess(fileFormat(entry.title, entry.isForm))) {
            return undefined;
        }
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
        internal: forcedInternal(state, entry, init.internal, init.byGet ?? false),
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
    internal: false,
    byGet: true
};

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
        isForm: file.isForm ? true : undefined,
        webUrl: `${portal.url}/doceditor?fileid=${file.id}&version=${file.version}`,
        fileEntryType: 2
    };
}
/** `counts`: the folder's direct files and folders, when the caller already knows them. */
function folderDto(folder, state, portal, counts) {
    const known = counts ?? childCounts(state, folder.id);
    return {
        id: folder.id,
        title: folder.title,
        parentId: folder.parentId,
        filesCount: known.files,
        foldersCount: known.folders,
        roomType: folder.kind === 'room' ? folder.roomType : undefined,
        createdBy: creator(state, folder.createdBy),
        created: portal.date(folder.createdAt),
        updated: portal.date(folder.updatedAt),
        fileEntryType: 1
    };
}
/** EmployeeDto of an entry's creator (a subset). */
function creator(state, userId) {
    const user = state.directory.byId(userId);
    return { id: userId, displayName: user?.displayName };
}
function childCounts(state, folderId) {
    const { folders, files } = state.children(folderId);
    return { files: files.length, folders: folders.length };
}
/** The flags the server derives from the room a link's entry lives in. */
function linkFlags(link, roomType) {
    const primary = link.subjectType === SubjectType.PrimaryExternalLink;
    return {
        canEditInternal: canEditInternal(roomType),
        canEditDenyDownload: roomType === RoomType.VirtualDataRoom,
        canEditExpirationDate: canEditExpiration(roomType, primary),
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
const SHARE_NAMES = new Map(Object.entries(FileShare).map(([name, n]) => [n, name]));
// The same few access lists come for every entry of a listing: their names are worked out once each.
const namesOf = new WeakMap();
function shareNames(accesses) {
    let names = namesOf.get(accesses);
    if (!names) {
        names = [...accesses, FileShare.None].map((n) => SHARE_NAMES.get(n) ?? String(n));
        namesOf.set(accesses, names);
    }
    return names;
}
/**
 * What the caller may do with an entry's links, as FileEntryDto puts it (products/ASC.Files/Core/ApiModels/
 * ResponseDto/FileEntryDto.cs L392-396, L458; FileDto.cs AvailableShareRights): `canShare`, `security`,
 * `availableShareRights` (FileShare names by subject) and `shareSettings` (link limits by subject).
 * Collaboration and Virtual data rooms always show `canShare: false`, and still list file-style external
 * rights although they take no external link; their `shareSettings` has no ExternalLink then.
 */
// FileSecurity.cs L108-155: files in My documents and most rooms take 6 additional links and no primary
// one; files in a Public room 1 primary and 5 additional; in a Form-filling room only the primary.
function fileLinkCounts(roomType) {
    if (roomType === RoomType.PublicRoom)
        return { PrimaryExternalLink: 1, ExternalLink: 5 };
    if (roomType === RoomType.FillingFormsRoom)
        return { PrimaryExternalLink: 1 };
    return { ExternalLink: 6 };
}
function shareFields(state, entry, userId) {
    const rights = state.canShare(entry.id, userId);
    const noExternal = entry.kind === 'room' &&
        (entry.roomType === RoomType.EditingRoom || entry.roomType === RoomType.VirtualDataRoom);
    const security = {
        Read: true,
        Edit: rights,
        EditAccess: rights,
        ReadLinks: rights,
        Create: entry.kind !== 'file',
        EditInternal: rights && canEditInternal(state.roomOf(entry.id)?.roomType),
        Download: true
    };
    if (!rights)
        return { canShare: false, security };
    let available;
    let shareSettings;
    if (entry.kind === 'file') {
        const names = shareNames(formatAccesses(fileFormat(entry.title, entry.isForm)));
        available = { ExternalLink: names, PrimaryExternalLink: names };
        shareSettings = fileLinkCounts(state.roomOf(entry.id)?.roomType);
    }
    else if (entry.kind === 'room') {
        const rule = roomRule(entry.roomType);
        available = {
            InvitationLink: shareNames(rule.invitation),
            ExternalLink: shareNames(noExternal
                ? [FileShare.Editing, FileShare.Review, FileShare.Comment, FileShare.Read]
                : rule.external)
        };
        shareSettings = noExternal
            ? { InvitationLink: 1 }
            : { InvitationLink: 1, ExternalLink: rule.extraExternal, PrimaryExternalLink: 1 };
    }
    else {
        const names = shareNames([
            FileShare.Editing,
            FileShare.FillForms,
            FileShare.Review,
            FileShare.Comment,
            FileShare.Read
        ]);
        available = { ExternalLink: names, PrimaryExternalLink: names };
        shareSettings = { ExternalLink: 6, PrimaryExternalLink: 1 };
    }
    return {
        canShare: !noExternal,
        security,
        availableShareRights: available,
        shareSettings
    };
}

;// CONCATENATED MODULE: ./emulator/listing.ts






/** The FilterType values the emulator models (FilterTypeEnum.cs); other filters are refused. */
const FilterType = { None: 0, FilesOnly: 1, FoldersOnly: 2 };
/** SortedByType names the emulator orders by. */
const SORT_KEYS = ['AZ', 'DateAndTime', 'DateAndTimeCreation', 'Size', 'Type'];
const listing_settings = new WeakMap();
function listingSettings(state) {
    let current = listing_settings.get(state);
    if (!current) {
        current = { savedSort: new Map() };
        listing_settings.set(state, current);
    }
    return current;
}
/** Takes the share right on an entry away from every user of the portal (or gives it back). */
function setShareRights(state, entryId, allowed) {
    for (const user of state.directory.users()) {
        if (allowed)
            state.restoreShareRights(entryId, user.id);
        else
            state.withholdShareRights(entryId, user.id);
    }
}
// `shared`: the entry has an external or primary external link of its own, expired or not, internal or
// not; invitation links and inherited links do not count (File.cs L418-423, Folder.cs L373-378). Before
// 3.5 listings marked only My documents and rooms with a primary link (EntryManager @v3.2.1 L362, L389):
// modelled as no file or folder ever marked.
function shareFlags(state, entry, userId, modern, parentSharedOf) {
    const own = (id) => state
        .links(entry.kind === 'file' ? 'file' : 'folder', id)
        .filter((l) => l.subjectType === SubjectType.ExternalLink ||
        l.subjectType === SubjectType.PrimaryExternalLink);
    const links = own(entry.id);
    const marked = modern ||
        (entry.kind === 'room' && links.some((l) => l.subjectType === SubjectType.PrimaryExternalLink));
    const parentShared = parentSharedOf(entry.parentId);
    // canShare, security, availableShareRights and shareSettings, as on an entry read on its own.
    return Object.assign(shareFields(state, entry, userId), {
        shared: marked && links.length > 0,
        sharedExternal: modern ? links.some((l) => !l.internal) : undefined,
        parentShared
    });
}
function readFilterType(query) {
    const text = query.filterType?.trim();
    if (text === undefined || text === '')
        return FilterType.None;
    const byName = Object.entries(FilterType).find(([k]) => k.toLowerCase() === text.toLowerCase());
    const value = byName ? byName[1] : /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Object.values(FilterType).includes(value)) {
        throw new ValidationError({ filterType: [`The value '${text}' is not valid for FilterType.`] });
    }
    return value;
}
function readBool(query, name) {
    const text = query[name]?.trim().toLowerCase();
    if (text === undefined || text === '')
        return undefined;
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new ValidationError({ [name]: [`The value '${query[name]}' is not valid for ${name}.`] });
}
// Without `sortBy` the caller's saved order applies (the emulator's default: by title); with it, it is
// saved for the next listing, in the UI too.
function readSort(ctx) {
    const saved = listingSettings(ctx.state).savedSort;
    const userId = ctx.user?.id ?? '';
    const text = ctx.query.sortBy?.trim();
    if (text === undefined || text === '')
        return saved.get(userId);
    const sortBy = SORT_KEYS.find((k) => k.toLowerCase() === text.toLowerCase());
    if (!sortBy)
        throw new ValidationError({ sortBy: [`The value '${text}' is not valid for sortBy.`] });
    const order = ctx.query.sortOrder?.trim().toLowerCase();
    const sort = { sortBy, ascending: order !== 'descending' && order !== '1' };
    saved.set(userId, sort);
    return sort;
}
// No key is unique, so ties are broken by id, as the database happens to return them.
function comparator(sort) {
    const key = (e) => {
        switch (sort?.sortBy) {
            case 'DateAndTimeCreation':
                return e.createdAt.getTime();
            case 'DateAndTime':
                return e.updatedAt.getTime();
            case 'Size':
                return e.kind === 'file' ? e.size : 0;
            default:
                return e.title.toLowerCase();
        }
    };
    const sign = sort && !sort.ascending ? -1 : 1;
    return (a, b) => {
        const x = key(a);
        const y = key(b);
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return sign * (c || a.id - b.id);
    };
}
const indexes = new WeakMap();
function treeIndex(state) {
    const known = indexes.get(state);
    if (known && known.revision === state.revision)
        return known;
    const byParent = new Map();
    for (const e of state.all()) {
        if (e.id === e.parentId)
            continue;
        const list = byParent.get(e.parentId) ?? [];
        list.push(e);
        byParent.set(e.parentId, list);
    }
    const index = { revision: state.revision, byParent, ordered: new Map() };
    indexes.set(state, index);
    return index;
}
function listing_childCounts(index, folderId) {
    const children = index.byParent.get(folderId) ?? [];
    const files = children.filter((e) => e.kind === 'file').length;
    return { files, folders: children.length - files };
}
// Every entry below `root` (not `root` itself), through the folder tree (`files_folder_tree`).
function descendants(index, rootId) {
    const byParent = index.byParent;
    const out = [];
    const queue = [rootId];
    const seen = new Set(queue);
    while (queue.length > 0) {
        for (const child of byParent.get(queue.shift()) ?? []) {
            out.push(child);
            if (child.kind !== 'file' && !seen.has(child.id)) {
                seen.add(child.id);
                queue.push(child.id);
            }
        }
    }
    return out;
}
/** FolderContentDto: folders then files, paged over the two together; `total` counts both. */
function folderContent(ctx, folder) {
    const { state, portal } = ctx;
    const user = callerId(ctx);
    const { startIndex, count } = paging(ctx.query);
    const filterType = readFilterType(ctx.query);
    // v3.7 defaults withSubFolders to true; it only takes effect with a filter (FileDao L2611-2617).
    const withSubFolders = readBool(ctx.query, 'withSubFolders') ?? true;
    const sort = readSort(ctx);
    const index = treeIndex(state);
    const recursive = filterType !== FilterType.None && withSubFolders;
    // Creation times and titles never change, so those orders keep until an entry comes or goes.
    const stable = sort?.sortBy === 'DateAndTimeCreation' || sort?.sortBy === 'AZ';
    const key = `${folder.id}|${filterType}|${recursive}|${sort?.sortBy}|${sort?.ascending}`;
    let all = stable ? index.ordered.get(key) : undefined;
    if (!all) {
        let folders;
        let files;
        if (recursive) {
            const below = descendants(index, folder.id);
            folders = below.filter((e) => e.kind !== 'file');
            files = below.filter((e) => e.kind === 'file');
        }
        else {
            ;
            ({ folders, files } = state.children(folder.id));
        }
        if (filterType === FilterType.FilesOnly)
            folders = [];
        if (filterType === FilterType.FoldersOnly)
            files = [];
        const order = comparator(sort);
        if (sort) {
            folders = [...folders].sort(order);
            files = [...files].sort(order);
        }
        all = [...folders, ...files];
        if (stable)
            index.ordered.set(key, all);
    }
    const window = all.slice(startIndex, startIndex + count);
    // Entries of one page mostly share their folders: each folder's answer is worked out once.
    const parentShared = new Map();
    const parentSharedOf = (parentId) => {
        let known = parentShared.get(parentId);
        if (known === undefined) {
            known = state
                .path(parentId)
                .some((f) => state.links('folder', f.id).some((l) => l.subjectType !== SubjectType.InvitationLink));
            parentShared.set(parentId, known);
        }
        return known;
    };
    // Assigned onto the fresh DTO rather than spread into another copy: a page holds a hundred entries.
    const modern = versionAtLeast(state, 3, 5);
    const withFlags = (dto, entry) => Object.assign(dto, shareFlags(state, entry, user, modern, parentSharedOf));
    return {
        files: window.flatMap((e) => (e.kind === 'file' ? [withFlags(fileDto(e, portal), e)] : [])),
        folders: window.flatMap((e) => e.kind === 'file' ? [] : [withFlags(folderDto(e, state, portal, listing_childCounts(index, e.id)), e)]),
        current: withFlags(folderDto(folder, state, portal, listing_childCounts(index, folder.id)), folder),
        pathParts: state.path(folder.id).map((f) => ({ id: f.id, title: f.title })),
        startIndex,
        count: window.length,
        total: all.length,
        new: 0
    };
}

;// CONCATENATED MODULE: ./emulator/routes/entries.ts






function registerEntryRoutes(router) {
    router.route('GET', '/api/2.0/files/file/{id:int}', (ctx) => {
        const file = requireFile(ctx);
        return ok({ ...fileDto(file, ctx.portal), ...shareFields(ctx.state, file, callerId(ctx)) });
    });
    router.route('GET', '/api/2.0/files/folder/{id:int}', (ctx) => {
        const folder = requireFolder(ctx);
        return ok({
            ...folderDto(folder, ctx.state, ctx.portal),
            ...shareFields(ctx.state, folder, callerId(ctx))
        });
    });
    router.route('GET', '/api/2.0/files/rooms/{id:int}', (ctx) => {
        const room = requireRoom(ctx);
        return ok({
            ...folderDto(room, ctx.state, ctx.portal),
            ...shareFields(ctx.state, room, callerId(ctx))
        });
    });
    router.route('GET', '/api/2.0/files/{folderId:int}', (ctx) => ok(folderContent(ctx, requireFolder(ctx, 'folderId'))));
    router.route('GET', '/api/2.0/files/@my', (ctx) => ok(folderContent(ctx, ctx.state.folder(ctx.state.myDocumentsId))));
    router.route('GET', '/api/2.0/files/rooms', (ctx) => ok(folderContent(ctx, ctx.state.folder(ctx.state.roomsFolderId))));
    router.route('POST', '/api/2.0/files/folder/{parentId:int}', async (ctx) => {
        const parent = ctx.state.folder(Number(ctx.params.parentId));
        const fields = new BodyFields(await ctx.json());
        // Helpers/Global.cs ReplaceInvalidCharsAndTruncate: the title is stored sanitised; there is no
        // check for a folder of the same name (FileStorageService.cs L935-990).
        const title = storedTitle(fields.string('title') ?? '');
        fields.done();
        // A missing parent is a 403 on the server (the security check fails before the lookup).
        if (!parent)
            throw forbidden('Access denied');
        if (!title)
            throw badRequest('Title is empty');
        const folder = ctx.state.createFolder(title, parent.id, callerId(ctx));
        return ok(folderDto(folder, ctx.state, ctx.portal));
    });
}

;// CONCATENATED MODULE: ./emulator/routes/links.ts





/** Folder and room lists ignore paging: always the first 100, with no total. */
const FIXED_WINDOW = 100;
const dtos = (ctx, links) => links.map((l) => fileShareDto(l, ctx.state, ctx.portal));
/**
 * products/ASC.Files/Core/Utils/FileSharing.cs L704-728: without the right to manage an entry's links the
 * list is empty, with no error. `canShare` on the entry tells the two apart.
 */
function visibleLinks(ctx, entry) {
    if (!ctx.state.canShare(entry.id, callerId(ctx)))
        return [];
    return ctx.state.links(entry.kind, entry.id);
}
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
        const all = visibleLinks(ctx, file);
        const page = all.slice(startIndex, startIndex + count);
        return ok(dtos(ctx, page), { total: all.length });
    });
    router.route('GET', '/api/2.0/files/folder/{id:int}/links', (ctx) => {
        const folder = requireFolder(ctx);
        const page = visibleLinks(ctx, folder).slice(0, FIXED_WINDOW);
        return ok(dtos(ctx, page), { count: page.length });
    });
    router.route('GET', '/api/2.0/files/rooms/{id:int}/links', (ctx) => {
        const room = requireRoom(ctx);
        const type = intQuery(ctx.query, 'type');
        const page = visibleLinks(ctx, room)
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

;// CONCATENATED MODULE: ./emulator/routes/portal.ts


function registerPortalRoutes(router) {
    router.route('GET', '/api/2.0/portal/quota', (ctx) => {
        if (!ctx.user?.isAdmin) {
            throw new ApiError(403, 'Access denied', 'System.Security.SecurityException', -2146233078);
        }
        return ok({
            tenantId: 1,
            name: 'emulator',
            visible: true,
            maxFileSize: 1024 * 1024 * 1024,
            maxTotalSize: 100 * 1024 * 1024 * 1024,
            countUser: ctx.state.directory.users().length,
            countRoom: -1,
            trial: false,
            free: false,
            audit: auditSettings(ctx.state).auditOption,
            docsEdition: ctx.state.settings.documentServerVersion !== null,
            ldap: false,
            sso: false,
            thirdParty: true
        });
    });
}

;// CONCATENATED MODULE: ./emulator/routes/rooms.ts
// Creating and removing rooms: POST /api/2.0/files/rooms and DELETE /api/2.0/files/rooms/{id}
// (products/ASC.Files/Server/Api/VirtualRoomsController.cs L87, L420). Only DocSpace and room admins
// create rooms; the emulator's regular user is neither, so it gets the server's 403. The server removes a
// room in a background operation and answers that operation; the emulator removes it at once.






function registerRoomRoutes(router) {
    router.route('POST', '/api/2.0/files/rooms', async (ctx) => {
        const fields = new BodyFields(await ctx.json());
        const title = fields.string('title')?.trim();
        const roomType = fields.int('roomType', { min: 1, max: 9 });
        fields.done();
        if (!ctx.user?.isAdmin)
            throw forbidden('Access denied');
        if (!title)
            throw badRequest('Title is empty');
        if (roomType === undefined || !Object.values(RoomType).includes(roomType)) {
            throw badRequest('Unknown room type');
        }
        const room = ctx.state.addRoom({ title, roomType });
        room.createdBy = ctx.user.id;
        return ok({
            ...folderDto(room, ctx.state, ctx.portal),
            ...shareFields(ctx.state, room, ctx.user.id)
        });
    });
    router.route('DELETE', '/api/2.0/files/rooms/{id:int}', async (ctx) => {
        const room = requireRoom(ctx);
        const fields = new BodyFields(await ctx.json().catch(() => ({})));
        fields.bool('deleteAfter');
        fields.done();
        if (!ctx.user?.isAdmin && room.createdBy !== ctx.user?.id)
            throw forbidden('Access denied');
        ctx.state.deleteEntry(room.id);
        return ok({ id: (0,external_node_crypto_namespaceObject.randomUUID)(), operation: 2, progress: 100, error: '', finished: true });
    });
}

// EXTERNAL MODULE: ./node_modules/busboy/lib/index.js
var lib = __nccwpck_require__(680);
var lib_default = /*#__PURE__*/__nccwpck_require__.n(lib);
;// CONCATENATED MODULE: ./emulator/upload-store.ts
// What the emulator keeps about uploads: every stored version of a file (size and sha256; the bytes only
// for small files, so that a benchmark of hundreds of MiB does not fill the emulator's memory), the open
// chunked-upload sessions, and failures that tests ask the chunk handler to report.


/** Files up to this size keep their bytes (for downloads); larger ones only their size and hash. */
const KEEP_CONTENT_LIMIT = 8 * 1024 * 1024;
/** The server's `files:uploader:chunk-size` default; a portal may set another (state.settings). */
const MAX_CHUNK_SIZE = (/* unused pure expression or super */ null && (10 * 1024 * 1024));
/** The server's sliding expiry of an upload session. */
const SESSION_LIFETIME_MS = 12 * 3600_000;
/** MessageAction codes of uploads. */
const UploadActions = { uploaded: 5011, uploadedWithOverwriting: 5099 };
/** Bytes arriving in pieces: hashed as they come, kept only while the total stays small. */
class ContentSink {
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    parts;
    size = 0;
    constructor(expectedSize) {
        this.parts = expectedSize === undefined || expectedSize <= KEEP_CONTENT_LIMIT ? [] : undefined;
    }
    write(chunk) {
        this.hash.update(chunk);
        this.size += chunk.length;
        if (this.parts && this.size > KEEP_CONTENT_LIMIT)
            this.parts = undefined;
        this.parts?.push(chunk);
    }
    /** A point to roll back to when a chunk fails halfway. */
    mark() {
        return { hash: this.hash.copy(), size: this.size, parts: this.parts?.length };
    }
    rollback(mark) {
        this.hash = mark.hash;
        this.size = mark.size;
        if (this.parts && mark.parts !== undefined)
            this.parts.length = mark.parts;
    }
    finish() {
        return {
            size: this.size,
            sha256: this.hash.digest('hex'),
            content: this.parts ? Buffer.concat(this.parts) : undefined
        };
    }
}
class UploadStore {
    state;
    versions = new Map();
    sessions = new Map();
    chunkFailures = [];
    /** Every chunk the handler received, in order, for tests: session id, size and reply. */
    chunkLog = [];
    constructor(state) {
        this.state = state;
    }
    /** The next chunk POST answers HTTP 200 `{success: false, message}` and stores nothing. */
    failNextChunk(message) {
        this.chunkFailures.push(message);
    }
    takeChunkFailure() {
        return this.chunkFailures.shift();
    }
    /** Versions of a file, oldest first; a seeded file has its one version. */
    history(file) {
        const stored = this.versions.get(file.id);
        if (stored)
            return stored;
        const content = file.content;
        return [
            {
                version: file.version,
                size: file.size,
                sha256: content ? (0,external_node_crypto_namespaceObject.createHash)('sha256').update(content).digest('hex') : '',
                content,
                at: file.updatedAt,
                userId: file.createdBy
            }
        ];
    }
    openSession(input) {
        const now = new Date();
        const session = {
            ...input,
            id: (0,external_node_crypto_namespaceObject.randomUUID)(),
            created: now,
            expires: new Date(now.getTime() + SESSION_LIFETIME_MS),
            chunks: 0,
            sink: new ContentSink(input.bytesTotal)
        };
        this.sessions.set(session.id, session);
        return session;
    }
    /**
     * Stores an uploaded file in `folder`: a new version of the file with the same title when
     * `createNewIfExist` is false, otherwise a new file under the next free "name (n).ext".
     */
    store(folder, title, data, createNewIfExist, userId) {
        const now = new Date();
        // products/ASC.Files/Core/Helpers/Global.cs ReplaceInvalidCharsAndTruncate: the name is stored
        // sanitised; EF/DbFile.cs L227-232: it is matched without regard to case or accents.
        title = storedTitle(title);
        const same = this.state.children(folder.id).files.find((f) => sameTitle(f.title, title));
        if (same && !createNewIfExist) {
            const history = this.history(same);
            // FileUploader.cs: the new version takes the uploaded name (`App.zip` over `app.zip` renames it).
            same.title = title;
            same.version += 1;
            same.size = data.size;
            same.content = data.content;
            same.updatedAt = now;
            this.versions.set(same.id, [...history, { version: same.version, ...data, at: now, userId }]);
            this.record(same, UploadActions.uploadedWithOverwriting, userId);
            return { file: same, overwritten: true };
        }
        const file = this.state.addFile({
            parentId: folder.id,
            title: same ? this.freeTitle(folder, title) : title,
            size: data.size
        });
        file.content = data.content;
        file.createdBy = userId;
        this.versions.set(file.id, [{ version: 1, ...data, at: now, userId }]);
        this.record(file, UploadActions.uploaded, userId);
        return { file, overwritten: false };
    }
    freeTitle(folder, title) {
        const taken = this.state.children(folder.id).files.map((f) => f.title);
        const dot = title.lastIndexOf('.');
        const [stem, ext] = dot > 0 ? [title.slice(0, dot), title.slice(dot)] : [title, ''];
        for (let n = 1; n <= 10_000; n++) {
            const candidate = `${stem} (${n})${ext}`;
            if (!taken.some((t) => sameTitle(t, candidate)))
                return candidate;
        }
        throw new Error(`No free name for "${title}"`);
    }
    record(file, actionId, userId) {
        this.state.record({
            actionId,
            target: [String(file.id)],
            entryType: 1,
            userId,
            description: [file.title]
        });
    }
}
const stores = new WeakMap();
/** The upload store of an emulator's state (made on first use). */
function uploadStore(state) {
    let store = stores.get(state);
    if (!store) {
        store = new UploadStore(state);
        stores.set(state, store);
    }
    return store;
}

;// CONCATENATED MODULE: ./emulator/routes/uploads.ts






const CHUNK_HANDLER_PATH = '/ChunkedUploader.ashx';
/** Streams the first file part that `pick` accepts into `sink`; other parts are read and dropped. */
function readFilePart(req, sink, pick, maxBytes) {
    return new Promise((resolve, reject) => {
        let parser;
        try {
            parser = lib_default()({
                headers: req.headers,
                defParamCharset: 'utf8',
                // busboy flags a part as truncated once it reaches the limit, so one byte more is allowed
                // for a part of exactly `maxBytes` to pass.
                limits: maxBytes === undefined ? {} : { fileSize: maxBytes + 1 }
            });
        }
        catch {
            reject(badRequest('The request is not multipart/form-data'));
            return;
        }
        let filename;
        let found = false;
        let truncated = false;
        parser.on('file', (field, stream, info) => {
            if (found || !pick(field)) {
                stream.resume();
                return;
            }
            found = true;
            filename = info.filename;
            stream.on('data', (chunk) => sink.write(chunk));
            stream.on('limit', () => (truncated = true));
        });
        parser.on('close', () => resolve({ filename: found ? filename : undefined, truncated }));
        parser.on('error', (error) => reject(badRequest(`Malformed multipart body: ${String(error)}`)));
        req.on('error', reject);
        req.pipe(parser);
    });
}
function flag(text) {
    return text?.trim().toLowerCase() === 'true';
}
async function simpleUpload(ctx, folder) {
    const sink = new ContentSink();
    const part = await readFilePart(ctx.req, sink, (field) => field.toLowerCase() === 'file');
    if (part.filename === undefined)
        throw badRequest('No file to upload');
    const title = part.filename.trim();
    if (title === '')
        throw badRequest('The file has no name');
    const store = uploadStore(ctx.state);
    const { file } = store.store(folder, title, sink.finish(), flag(ctx.query.createNewIfExist), callerId(ctx));
    // The server answers with an array holding the one uploaded file.
    return ok([fileDto(file, ctx.portal)]);
}
function sessionDto(ctx, session) {
    return {
        id: session.id,
        path: ctx.state.path(session.folderId).map((f) => f.id),
        // Plain DateTime values, not ApiDateTime: always UTC with `Z`.
        created: session.created.toISOString(),
        expired: session.expires.toISOString(),
        location: `${ctx.portal.url}${CHUNK_HANDLER_PATH}?uid=${session.id}`,
        bytes_total: session.bytesTotal
    };
}
async function createSession(ctx) {
    const folder = requireFolder(ctx, 'folderId');
    const fields = new BodyFields(await ctx.json());
    const fileName = fields.string('fileName');
    const fileSize = fields.int('fileSize', { min: 0, max: Number.MAX_SAFE_INTEGER });
    const createNewIfExist = fields.bool('createNewIfExist');
    fields.done();
    if (fileName === undefined || fileName.trim() === '') {
        throw new ValidationError({ FileName: ['The FileName field is required.'] });
    }
    return uploadStore(ctx.state).openSession({
        folderId: folder.id,
        fileName: fileName.trim(),
        bytesTotal: fileSize ?? 0,
        createNewIfExist: createNewIfExist ?? false,
        userId: callerId(ctx)
    });
}
// The legacy handler answers outside the API envelope, and with HTTP 200 even when it fails.
function chunkReply(statusCode, body) {
    return { kind: 'json', statusCode, body: { message: '', ...body } };
}
function chunkError(message) {
    return chunkReply(200, { success: false, message });
}
// Reads and drops a body the handler refuses, so that the connection stays usable.
async function drain(req) {
    for await (const _chunk of req)
        void _chunk;
}
async function receiveChunk(ctx) {
    const store = uploadStore(ctx.state);
    const session = store.sessions.get(ctx.query.uid ?? '');
    if (!session) {
        await drain(ctx.req);
        return chunkError('Upload session not found');
    }
    if (session.userId !== callerId(ctx)) {
        await drain(ctx.req);
        return chunkError('Access denied');
    }
    if (session.expires.getTime() < Date.now()) {
        store.sessions.delete(session.id);
        await drain(ctx.req);
        return chunkError('Upload session has expired');
    }
    if (flag(ctx.query.abort)) {
        store.sessions.delete(session.id);
        await drain(ctx.req);
        return chunkReply(200, { success: true });
    }
    const forced = store.takeChunkFailure();
    if (forced !== undefined) {
        await drain(ctx.req);
        return chunkError(forced);
    }
    // web/ASC.Web.Core/SetupInfo.cs L104: the portal's `files:uploader:chunk-size` (FileUploader.cs L291-299).
    const chunkLimit = ctx.state.settings.chunkUploadSize;
    const mark = session.sink.mark();
    const before = session.sink.size;
    let part;
    try {
        part = await readFilePart(ctx.req, session.sink, () => true, chunkLimit);
    }
    catch (error) {
        session.sink.rollback(mark);
        throw error;
    }
    const received = session.sink.size - before;
    const refuse = (message) => {
        session.sink.rollback(mark);
        return chunkError(message);
    };
    if (part.filename === undefined)
        return refuse('No file in the request');
    if (part.truncated) {
        return refuse(`The chunk is larger than the maximum of ${chunkLimit} bytes`);
    }
    if (session.sink.size > session.bytesTotal) {
        return refuse(`The file is larger than the ${session.bytesTotal} bytes announced`);
    }
    session.chunks += 1;
    // Each chunk slides the session's expiry, as on the server.
    session.expires = new Date(Date.now() + (session.expires.getTime() - session.created.getTime()));
    if (session.sink.size < session.bytesTotal) {
        store.chunkLog.push({ sessionId: session.id, size: received, status: 200, success: true });
        return chunkReply(200, { success: true, data: sessionDto(ctx, session) });
    }
    store.sessions.delete(session.id);
    const folder = ctx.state.folder(session.folderId);
    if (!folder)
        return chunkError('The folder of the upload no longer exists');
    const { file } = store.store(folder, session.fileName, session.sink.finish(), session.createNewIfExist, session.userId);
    store.chunkLog.push({ sessionId: session.id, size: received, status: 201, success: true });
    return chunkReply(201, {
        success: true,
        data: {
            id: file.id,
            folderId: file.parentId,
            version: file.version,
            title: file.title,
            provider_key: null,
            uploaded: true,
            file: fileDto(file, ctx.portal)
        }
    });
}
function versionDto(ctx, file) {
    return uploadStore(ctx.state)
        .history(file)
        .map((v) => ({
        ...fileDto(file, ctx.portal),
        version: v.version,
        versionGroup: v.version,
        pureContentLength: v.size,
        contentLength: humanSize(v.size),
        updated: ctx.portal.date(v.at)
    }))
        .reverse();
}
function registerUploadRoutes(router) {
    router.route('POST', '/api/2.0/files/{folderId:int}/upload', (ctx) => simpleUpload(ctx, requireFolder(ctx, 'folderId')));
    router.route('POST', '/api/2.0/files/@my/upload', (ctx) => {
        const folder = ctx.state.folder(ctx.state.myDocumentsId);
        if (!folder)
            throw notFound();
        return simpleUpload(ctx, folder);
    });
    // Obsolete on the server but still served: the session comes wrapped as {success, data}.
    router.route('POST', '/api/2.0/files/{folderId:int}/upload/create_session', async (ctx) => {
        const session = await createSession(ctx);
        return ok({ success: true, data: sessionDto(ctx, session) });
    });
    // products/ASC.Files/Server/Api/UploadController.cs: the current endpoint, the session unwrapped. A portal
    // set up without it (an older build) answers 404, as routing does there.
    router.route('POST', '/api/2.0/files/{folderId:int}/session', async (ctx) => {
        if (!ctx.state.settings.sessionEndpoint)
            throw notFound();
        return ok(sessionDto(ctx, await createSession(ctx)));
    });
    router.route('POST', CHUNK_HANDLER_PATH, async (ctx) => {
        try {
            return await receiveChunk(ctx);
        }
        catch (error) {
            // The handler turns every exception into a 200 with success:false.
            return chunkError(error instanceof Error ? error.message : String(error));
        }
    });
    // The version history, newest first.
    router.route('GET', '/api/2.0/files/file/{id:int}/history', (ctx) => ok(versionDto(ctx, requireFile(ctx))));
}

;// CONCATENATED MODULE: ./emulator/routes/index.ts










const defaultAreas = [
    registerAuthenticationRoutes,
    registerEntryRoutes,
    registerLinkRoutes,
    registerUploadRoutes,
    registerAuditRoutes,
    registerDownloadRoutes,
    registerSettingsRoutes,
    registerPortalRoutes,
    registerDeletionRoutes,
    registerRoomRoutes
];

;// CONCATENATED MODULE: ./emulator/faults.ts
// Fault injection: a middleware that makes chosen requests fail the way a flaky network, a busy portal or
// a misconfigured proxy makes them fail, so that tests can prove what the action does then. Faults are
// queued with a match and a count, per test through `emulator.faults`, or for a whole emulator process
// through the EMULATOR_FAULTS environment variable (see parseFaults).


const FAULT_KINDS = [
    'status',
    'reset-before',
    'reset-after',
    'stall',
    'stall-headers',
    'html',
    'truncated-json',
    'envelope-error',
    'redirect'
];
const DEFAULT_HOLD_MS = 120_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const LOGIN_PAGE = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>ONLYOFFICE DocSpace: Sign in</title>' +
    '</head>\n<body><form method="post" action="/login"><input name="login" type="email">' +
    '<input name="password" type="password"><button type="submit">Sign in</button></form></body></html>\n';
// What a stall or a cut-off body sends when the real answer was not produced: a success envelope.
const SYNTHETIC_BODY = JSON.stringify({
    response: { id: 1, title: 'synthetic', access: 2 },
    count: 1,
    links: [],
    status: 0,
    statusCode: 200
});
class FaultSpecError extends Error {
}
function isInteger(value, min, max = Number.MAX_SAFE_INTEGER) {
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
/** Throws a FaultSpecError naming the field (prefixed with `where`) when a spec cannot be honoured. */
function checkFault(spec, where = 'fault') {
    const fail = (field, problem) => {
        throw new FaultSpecError(`${where}.${field} ${problem}`);
    };
    if (!FAULT_KINDS.includes(spec.kind))
        fail('kind', `must be one of ${FAULT_KINDS.join(', ')}`);
    if (spec.method !== undefined && !/^[A-Za-z]+$/.test(spec.method))
        fail('method', 'must be an HTTP method');
    if (spec.path !== undefined && typeof spec.path !== 'string' && !(spec.path instanceof RegExp))
        fail('path', 'must be a string or a RegExp');
    if (spec.count !== undefined && !isInteger(spec.count, 1))
        fail('count', 'must be an integer ≥ 1');
    if (spec.skip !== undefined && !isInteger(spec.skip, 0))
        fail('skip', 'must be an integer ≥ 0');
    if (spec.status !== undefined) {
        const ok = spec.kind === 'redirect'
            ? REDIRECT_STATUSES.has(spec.status)
            : isInteger(spec.status, spec.kind === 'envelope-error' ? 100 : 400, 599);
        if (!ok) {
            fail('status', spec.kind === 'redirect'
                ? 'must be 301, 302, 303, 307 or 308'
                : spec.kind === 'envelope-error'
                    ? 'must be an HTTP status'
                    : 'must be an error status (400 to 599)');
        }
    }
    const retryAfter = spec.retryAfter;
    if (retryAfter !== undefined &&
        !(typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) &&
        !(typeof retryAfter === 'string' && retryAfter.trim() !== '') &&
        !(retryAfter instanceof Date && !Number.isNaN(retryAfter.getTime()))) {
        fail('retryAfter', 'must be seconds ≥ 0, a date or a header value');
    }
    if (spec.body !== undefined && typeof spec.body !== 'string')
        fail('body', 'must be a string');
    if (spec.message !== undefined && typeof spec.message !== 'string')
        fail('message', 'must be a string');
    if (spec.handled !== undefined && typeof spec.handled !== 'boolean')
        fail('handled', 'must be true or false');
    if (spec.stallBytes !== undefined && !isInteger(spec.stallBytes, 0))
        fail('stallBytes', 'must be an integer ≥ 0');
    if (spec.holdMs !== undefined && !isInteger(spec.holdMs, 1))
        fail('holdMs', 'must be an integer ≥ 1');
    if (spec.hangUp !== undefined && typeof spec.hangUp !== 'boolean')
        fail('hangUp', 'must be true or false');
    if (spec.to !== undefined && spec.to !== 'other-origin' && spec.to !== 'same-origin')
        fail('to', 'must be other-origin or same-origin');
    return spec;
}
const JSON_FIELDS = new Set([
    'kind',
    'method',
    'path',
    'pathRegExp',
    'count',
    'skip',
    'status',
    'retryAfter',
    'body',
    'message',
    'handled',
    'stallBytes',
    'holdMs',
    'hangUp',
    'to'
]);
/**
 * Faults from JSON, as EMULATOR_FAULTS gives them: an array of specs (or one spec). A RegExp path is
 * written as `"pathRegExp": "^/api/2\\.0/files/file/\\d+/links"`; a date `retryAfter` as an HTTP date.
 */
function parseFaults(text, source = 'EMULATOR_FAULTS') {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new FaultSpecError(`${source} must be JSON: an array of faults like [{"kind":"status","status":503}]`);
    }
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, i) => {
        const where = `${source}[${i}]`;
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
            throw new FaultSpecError(`${where} must be an object like {"kind":"status","status":503}`);
        }
        const record = item;
        for (const key of Object.keys(record)) {
            if (!JSON_FIELDS.has(key))
                throw new FaultSpecError(`${where}.${key} is not a fault field`);
        }
        const { pathRegExp, ...rest } = record;
        const spec = { ...rest };
        if (pathRegExp !== undefined) {
            if (rest.path !== undefined)
                throw new FaultSpecError(`${where}: give path or pathRegExp, not both`);
            if (typeof pathRegExp !== 'string')
                throw new FaultSpecError(`${where}.pathRegExp must be a string`);
            try {
                spec.path = new RegExp(pathRegExp);
            }
            catch {
                throw new FaultSpecError(`${where}.pathRegExp is not a valid regular expression`);
            }
        }
        return checkFault(spec, where);
    });
}
function pathAndQuery(ctx) {
    return `${ctx.url.pathname}${ctx.url.search}`;
}
function matches(spec, ctx) {
    if (spec.method !== undefined && spec.method.toUpperCase() !== ctx.method)
        return false;
    if (spec.path === undefined)
        return true;
    const target = pathAndQuery(ctx);
    if (typeof spec.path === 'string')
        return target.includes(spec.path);
    spec.path.lastIndex = 0;
    return spec.path.test(target);
}
function toBuffer(chunk, encoding) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk);
    return Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
}
function callbackIn(args) {
    const last = args[args.length - 1];
    return typeof last === 'function' ? last : undefined;
}
function flatHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return out;
}
/**
 * Lets the route handle the request while keeping what it answers off the wire, so that the fault can
 * send something else (or nothing) once the request has taken effect.
 */
async function handleAside(ctx, next) {
    const res = ctx.res;
    const methods = res;
    const original = { writeHead: methods.writeHead, write: methods.write, end: methods.end };
    const chunks = [];
    let status = 200;
    let written = {};
    let finish = () => undefined;
    const ended = new Promise((resolve) => (finish = resolve));
    const closed = new Promise((resolve) => res.once('close', () => resolve()));
    methods.writeHead = (code, ...rest) => {
        status = code;
        const headers = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
        if (headers)
            written = { ...written, ...headers };
        return res;
    };
    methods.write = (chunk, ...rest) => {
        chunks.push(toBuffer(chunk, rest[0]));
        const done = callbackIn(rest);
        if (done)
            setImmediate(done);
        return true;
    };
    methods.end = (...args) => {
        if (args.length > 0 &&
            typeof args[0] !== 'function' &&
            args[0] !== undefined &&
            args[0] !== null) {
            chunks.push(toBuffer(args[0], args[1]));
        }
        const done = callbackIn(args);
        if (done)
            setImmediate(done);
        finish();
        return res;
    };
    try {
        await next();
    }
    catch (error) {
        ctx.fail(error);
    }
    await Promise.race([ended, closed]);
    Object.assign(methods, original);
    return {
        status,
        headers: { ...flatHeaders(res.getHeaders()), ...flatHeaders(written) },
        body: Buffer.concat(chunks)
    };
}
function dropConnection(ctx, hangUp) {
    const socket = ctx.req.socket;
    if (socket.destroyed)
        return;
    // A TCP reset (RST) is what a crashed backend or a dropping proxy gives; an orderly close is what a
    // server that gives up on the request does.
    if (!hangUp && typeof socket.resetAndDestroy === 'function')
        socket.resetAndDestroy();
    else
        socket.destroy();
}
function httpDate(value) {
    if (typeof value === 'number')
        return String(value);
    if (value instanceof Date)
        return value.toUTCString();
    return value;
}
function secondsUntil(value) {
    if (typeof value === 'number')
        return Math.ceil(Date.now() / 1000 + value);
    const at = value instanceof Date ? value.getTime() : Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.ceil(at / 1000);
}
function statusHeaders(spec, status) {
    const headers = {};
    if (spec.retryAfter === undefined)
        return headers;
    headers['Retry-After'] = httpDate(spec.retryAfter);
    const reset = secondsUntil(spec.retryAfter);
    if (status === 429 && reset !== undefined) {
        // DocSpace's rate limiter sends these with every 429.
        headers['X-RateLimit-Limit'] = '1500';
        headers['X-RateLimit-Remaining'] = '0';
        headers['X-RateLimit-Reset'] = String(reset);
    }
    return headers;
}
function sendRaw(res, status, headers, body = '') {
    if (res.headersSent || res.destroyed)
        return;
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
}
async function startRecorder() {
    const requests = [];
    const server = (0,external_node_http_namespaceObject.createServer)((req, res) => {
        requests.push({
            method: req.method ?? '',
            path: req.url ?? '/',
            headers: { ...req.headers },
            at: new Date()
        });
        req.resume();
        // A plausible success, so that a client that followed the redirect would show it by succeeding.
        sendRaw(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify({ response: [], count: 0, links: [], status: 0, statusCode: 200 }));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    return {
        recorder: { url: `http://127.0.0.1:${port}`, requests },
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        })
    };
}
async function createFaults() {
    let queue = [];
    const hits = [];
    const stalled = new Set();
    const { recorder, close: closeRecorder } = await startRecorder();
    function take(ctx) {
        for (const fault of queue) {
            if (fault.remaining <= 0 || !matches(fault.spec, ctx))
                continue;
            if (fault.toSkip > 0) {
                fault.toSkip--;
                return undefined;
            }
            fault.remaining--;
            fault.hits++;
            return fault;
        }
        return undefined;
    }
    // Keeps the connection open without answering until the client gives up (or the hold runs out).
    function hold(ctx, holdMs) {
        const res = ctx.res;
        ctx.req.resume();
        if (res.destroyed)
            return Promise.resolve();
        stalled.add(res);
        return new Promise((resolve) => {
            const timer = setTimeout(() => res.destroy(), holdMs);
            timer.unref();
            res.once('close', () => {
                clearTimeout(timer);
                stalled.delete(res);
                resolve();
            });
        });
    }
    async function stall(ctx, spec, next) {
        let status = 200;
        let headers = { 'content-type': 'application/json; charset=utf-8' };
        let body = Buffer.from(SYNTHETIC_BODY);
        if (spec.handled ?? true) {
            const captured = await handleAside(ctx, next);
            if (ctx.res.destroyed)
                return;
            status = captured.status;
            headers = captured.headers;
            // An empty answer has nothing to stall in: the synthetic body stands in for it.
            if (captured.body.length > 0)
                body = captured.body;
        }
        const sent = Math.min(spec.stallBytes ?? Math.floor(body.length / 2), body.length - 1);
        delete headers['transfer-encoding'];
        ctx.res.writeHead(status, { ...headers, 'content-length': String(body.length) });
        // flushHeaders sends the head on its own when nothing of the body goes out.
        if (sent > 0)
            ctx.res.write(body.subarray(0, sent));
        else
            ctx.res.flushHeaders();
        await hold(ctx, spec.holdMs ?? DEFAULT_HOLD_MS);
    }
    async function inject(fault, ctx, next) {
        const spec = fault.spec;
        const res = ctx.res;
        const handled = spec.handled ?? false;
        // For the faults that replace the answer, the real one (when asked for) is produced and dropped.
        const replace = async () => {
            if (handled)
                await handleAside(ctx, next);
            return !res.destroyed;
        };
        switch (spec.kind) {
            case 'reset-before':
                dropConnection(ctx, spec.hangUp ?? false);
                return;
            case 'reset-after':
                await handleAside(ctx, next);
                dropConnection(ctx, spec.hangUp ?? false);
                return;
            case 'stall':
                return stall(ctx, spec, next);
            case 'stall-headers':
                if (await replace())
                    await hold(ctx, spec.holdMs ?? DEFAULT_HOLD_MS);
                return;
            case 'status': {
                if (!(await replace()))
                    return;
                const status = spec.status ?? 503;
                const headers = statusHeaders(spec, status);
                if (spec.body !== undefined)
                    headers['Content-Type'] = 'text/plain; charset=utf-8';
                sendRaw(res, status, headers, spec.body);
                return;
            }
            case 'html':
                if (await replace())
                    sendRaw(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, LOGIN_PAGE);
                return;
            case 'truncated-json': {
                let body = Buffer.from(SYNTHETIC_BODY);
                if (handled) {
                    const captured = await handleAside(ctx, next);
                    if (res.destroyed)
                        return;
                    if (captured.body.length > 2)
                        body = captured.body;
                }
                const cut = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
                sendRaw(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, cut);
                return;
            }
            case 'envelope-error': {
                if (!(await replace()))
                    return;
                const message = spec.message ?? 'Internal server error';
                if (ctx.path.toLowerCase() === CHUNK_HANDLER_PATH.toLowerCase()) {
                    // The legacy chunk handler has its own error shape, also sent with HTTP 200.
                    sendRaw(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify({ success: false, message }));
                    return;
                }
                const envelope = {
                    error: {
                        message,
                        type: 'System.Exception',
                        stack: '   at System.Exception',
                        hresult: -2146233088
                    },
                    status: 1,
                    statusCode: spec.status ?? 200
                };
                sendRaw(res, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(envelope));
                return;
            }
            case 'redirect': {
                ctx.req.resume();
                const base = spec.to === 'same-origin' ? '' : recorder.url;
                sendRaw(res, spec.status ?? 302, { Location: `${base}${pathAndQuery(ctx)}` });
                return;
            }
        }
    }
    const middleware = async (ctx, next) => {
        const fault = take(ctx);
        if (!fault)
            return next();
        hits.push({
            kind: fault.spec.kind,
            method: ctx.method,
            path: pathAndQuery(ctx),
            at: new Date()
        });
        await inject(fault, ctx, next);
    };
    return {
        add(...specs) {
            const added = specs.map((spec) => {
                checkFault(spec);
                return { spec: { ...spec }, remaining: spec.count ?? 1, toSkip: spec.skip ?? 0, hits: 0 };
            });
            queue.push(...added);
            return added;
        },
        clear() {
            queue = [];
        },
        reset() {
            queue = [];
            hits.length = 0;
            recorder.requests.length = 0;
        },
        pending: () => queue.filter((fault) => fault.remaining > 0),
        hits,
        recorder,
        middleware,
        async close() {
            queue = [];
            for (const res of stalled)
                res.destroy();
            stalled.clear();
            await closeRecorder();
        }
    };
}

;// CONCATENATED MODULE: ./emulator/rate-limits.ts
/** The server's own figures. Tests scale them down. */
const SERVER_RATE_LIMITS = {
    window: { limit: 1500, windowMs: 60_000 },
    concurrency: { get: 50, write: 15 },
    daily: { limit: 10_000, windowMs: 24 * 3600_000 }
};
class RateLimiter {
    now;
    options = {};
    partitions = new Map();
    /** Requests refused, by the limiter that refused them. */
    rejected = { window: 0, concurrency: 0, daily: 0 };
    constructor(now = Date.now) {
        this.now = now;
    }
    /** Turns limiters on (with these limits) or off (`undefined` or an empty object); keeps the counts. */
    configure(options) {
        this.options = options ?? {};
    }
    get enabled() {
        const o = this.options;
        return o.window !== undefined || o.concurrency !== undefined || o.daily !== undefined;
    }
    /** Forgets what each user has used (a new day, a new minute). */
    reset() {
        this.partitions.clear();
    }
    /**
     * Admits the request, or answers it with a 429 and returns false. An admitted request holds its
     * concurrency slot until its response closes.
     */
    admit(ctx) {
        if (!this.enabled || !ctx.path.toLowerCase().startsWith('/api/'))
            return true;
        const key = ctx.user?.id ?? ctx.req.socket.remoteAddress ?? 'anonymous';
        const now = this.now();
        const p = this.partitions.get(key) ?? {
            admitted: [],
            reads: 0,
            writes: 0,
            dailyStart: now,
            dailyCount: 0
        };
        this.partitions.set(key, p);
        const { window, concurrency, daily } = this.options;
        if (window) {
            while (p.admitted.length > 0 && p.admitted[0] <= now - window.windowMs)
                p.admitted.shift();
            if (p.admitted.length >= window.limit)
                return this.reject(ctx, 'window', window.limit);
            p.admitted.push(now);
        }
        const read = ctx.method === 'GET' || ctx.method === 'HEAD';
        if (concurrency) {
            const limit = read ? concurrency.get : concurrency.write;
            if ((read ? p.reads : p.writes) >= limit)
                return this.reject(ctx, 'concurrency', limit);
        }
        if (daily && (ctx.method === 'POST' || ctx.method === 'PUT')) {
            if (now - p.dailyStart >= daily.windowMs) {
                p.dailyStart = now;
                p.dailyCount = 0;
            }
            if (p.dailyCount >= daily.limit) {
                const retryAfter = Math.max(1, Math.ceil((p.dailyStart + daily.windowMs - now) / 1000));
                return this.reject(ctx, 'daily', daily.limit, { 'Retry-After': String(retryAfter) });
            }
            p.dailyCount++;
        }
        if (concurrency) {
            if (read)
                p.reads++;
            else
                p.writes++;
            let released = false;
            ctx.res.on('close', () => {
                if (released)
                    return;
                released = true;
                if (read)
                    p.reads--;
                else
                    p.writes--;
            });
        }
        return true;
    }
    reject(ctx, limiter, limit, extra = {}) {
        this.rejected[limiter]++;
        ctx.send({
            kind: 'raw',
            statusCode: 429,
            headers: { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0', ...extra }
        });
        return false;
    }
}

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
    Object.assign(state.settings, checkSettings(options.settings ?? {}));
    const seedIds = options.seed ? applySeed(state, options.seed) : {};
    const rateLimiter = new RateLimiter();
    rateLimiter.configure(options.rateLimits);
    const router = new Router();
    for (const area of options.areas ?? defaultAreas)
        area(router);
    const faults = await createFaults();
    const middlewares = [faults.middleware];
    const requests = [];
    let openRequests = 0;
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
        openRequests++;
        res.on('close', () => {
            openRequests--;
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
            // The limiter runs first in the server's pipeline and holds a request's slot while it is served.
            if (!rateLimiter.admit(ctx))
                return;
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
        get openRequests() {
            return openRequests;
        },
        seed: seedIds,
        router,
        route: (method, pattern, handler, routeOptions) => router.route(method, pattern, handler, routeOptions),
        use: (middleware) => void middlewares.push(middleware),
        setLatency: (ms) => void (latencyMs = checkLatency(ms)),
        get latencyMs() {
            return latencyMs;
        },
        faults,
        rateLimiter,
        addFolder: (input) => state.addFolder(input),
        addRoom: (input) => state.addRoom(input),
        addFile: (input) => state.addFile(input),
        addLink: (entry, link) => state.addLink(entry, link),
        close() {
            closing ??= new Promise((resolve) => {
                server.close(() => resolve());
                for (const socket of sockets)
                    socket.destroy();
            }).then(() => faults.close());
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
/** Portal settings from `EMULATOR_VERSION`, `EMULATOR_CHUNK_SIZE` and `EMULATOR_INTERNAL_LINKS` (true/false). */
function settingsFromEnv(env) {
    const settings = {};
    if (env.EMULATOR_VERSION?.trim())
        settings.version = env.EMULATOR_VERSION.trim();
    const chunk = intFromEnv(env, 'EMULATOR_CHUNK_SIZE');
    if (chunk !== undefined)
        settings.chunkUploadSize = chunk;
    const internal = env.EMULATOR_INTERNAL_LINKS?.trim().toLowerCase();
    if (internal)
        settings.internalLinksByDefault = internal === 'true';
    return settings;
}
/**
 * Starts an emulator from `EMULATOR_PORT`, `EMULATOR_LATENCY_MS`, `EMULATOR_SEED` (a JSON seed file;
 * the default seed without it), `EMULATOR_TIMEZONE_OFFSET_MINUTES`, the portal settings above,
 * `EMULATOR_RATE_LIMITS` (`server`: the server's three limiters at its own figures) and `EMULATOR_FAULTS`
 * (faults to inject, as JSON: see parseFaults), then writes the JSON line
 * `{url, apiKey, userKey, authToken, seed}`.
 */
async function runCli(env = process.env, write = (line) => process.stdout.write(line)) {
    const seedPath = env.EMULATOR_SEED;
    const seed = seedPath
        ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(seedPath, 'utf8'))
        : defaultSeed;
    const faults = env.EMULATOR_FAULTS?.trim() ? parseFaults(env.EMULATOR_FAULTS) : [];
    const emulator = await startEmulator({
        port: intFromEnv(env, 'EMULATOR_PORT') ?? 0,
        latencyMs: intFromEnv(env, 'EMULATOR_LATENCY_MS') ?? 0,
        timeZoneOffsetMinutes: intFromEnv(env, 'EMULATOR_TIMEZONE_OFFSET_MINUTES') ?? 0,
        seed,
        settings: settingsFromEnv(env),
        rateLimits: env.EMULATOR_RATE_LIMITS?.trim() === 'server' ? SERVER_RATE_LIMITS : undefined
    });
    emulator.faults.add(...faults);
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
var __webpack_exports__FAULT_KINDS = __webpack_exports__.ln;
var __webpack_exports__FileShare = __webpack_exports__.Mu;
var __webpack_exports__LinkActions = __webpack_exports__.EV;
var __webpack_exports__LinkType = __webpack_exports__.J;
var __webpack_exports__RateLimiter = __webpack_exports__.v$;
var __webpack_exports__RoomType = __webpack_exports__.CJ;
var __webpack_exports__SERVER_RATE_LIMITS = __webpack_exports__.Yg;
var __webpack_exports__SubjectType = __webpack_exports__.PQ;
var __webpack_exports__USER_EMAIL = __webpack_exports__.JI;
var __webpack_exports__USER_PASSWORD = __webpack_exports__.ur;
var __webpack_exports__Unauthorized = __webpack_exports__.hR;
var __webpack_exports__ValidationError = __webpack_exports__.yI;
var __webpack_exports__applySeed = __webpack_exports__.ke;
var __webpack_exports__badRequest = __webpack_exports__.li;
var __webpack_exports__configureAudit = __webpack_exports__.kk;
var __webpack_exports__defaultSeed = __webpack_exports__.pr;
var __webpack_exports__forbidden = __webpack_exports__.o0;
var __webpack_exports__notFound = __webpack_exports__.mX;
var __webpack_exports__ok = __webpack_exports__.ok;
var __webpack_exports__parseFaults = __webpack_exports__.bZ;
var __webpack_exports__recordDownloads = __webpack_exports__.xe;
var __webpack_exports__runCli = __webpack_exports__.ak;
var __webpack_exports__setDocSpaceVersion = __webpack_exports__.$t;
var __webpack_exports__setShareRights = __webpack_exports__.VU;
var __webpack_exports__startEmulator = __webpack_exports__.sJ;
export { __webpack_exports__ADMIN_EMAIL as ADMIN_EMAIL, __webpack_exports__ADMIN_PASSWORD as ADMIN_PASSWORD, __webpack_exports__ApiError as ApiError, __webpack_exports__EmulatorState as EmulatorState, __webpack_exports__EntryType as EntryType, __webpack_exports__FAULT_KINDS as FAULT_KINDS, __webpack_exports__FileShare as FileShare, __webpack_exports__LinkActions as LinkActions, __webpack_exports__LinkType as LinkType, __webpack_exports__RateLimiter as RateLimiter, __webpack_exports__RoomType as RoomType, __webpack_exports__SERVER_RATE_LIMITS as SERVER_RATE_LIMITS, __webpack_exports__SubjectType as SubjectType, __webpack_exports__USER_EMAIL as USER_EMAIL, __webpack_exports__USER_PASSWORD as USER_PASSWORD, __webpack_exports__Unauthorized as Unauthorized, __webpack_exports__ValidationError as ValidationError, __webpack_exports__applySeed as applySeed, __webpack_exports__badRequest as badRequest, __webpack_exports__configureAudit as configureAudit, __webpack_exports__defaultSeed as defaultSeed, __webpack_exports__forbidden as forbidden, __webpack_exports__notFound as notFound, __webpack_exports__ok as ok, __webpack_exports__parseFaults as parseFaults, __webpack_exports__recordDownloads as recordDownloads, __webpack_exports__runCli as runCli, __webpack_exports__setDocSpaceVersion as setDocSpaceVersion, __webpack_exports__setShareRights as setShareRights, __webpack_exports__startEmulator as startEmulator };
