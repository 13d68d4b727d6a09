// A Cloud Storage emulator for prodi's tests: the one inside firebase-tools, run offline in this
// process. Its CLI wants Java 21 and downloads a rules runtime from the internet; here the rules
// runtime and manager are no-ops (the JSON API the gcs-connector uses does not evaluate rules), and
// small middlewares in front of it serve the requests of the connector it does not route.
//
//   node gcs-emulator.js <port> <blob-dir>
'use strict';
const http = require('http');
const path = require('path');
const zlib = require('zlib');
const port = Number(process.argv[2] || 9023);
const blobDir = process.argv[3];
if (blobDir) {
  process.env.TMPDIR = blobDir; // the emulator keeps blobs under $TMPDIR/firebase/
}
const lib = path.dirname(require.resolve('firebase-tools/package.json')) + '/lib/emulator';
const { StorageEmulator } = require(lib + '/storage');
const { EmulatorRegistry } = require(lib + '/registry');
const { createApp } = require(lib + '/storage/server');
const express = require(require.resolve('express', { paths: [lib] }));

const emulator = new StorageEmulator({ projectId: 'prodi-local', host: '127.0.0.1', port, auto_download: false });
const noop = async () => {};
emulator._rulesRuntime.start = noop;
emulator._rulesRuntime.stop = noop;
emulator._rulesManager.start = noop;
emulator._rulesManager.stop = noop;

// rewriteTo/copyTo are routed only without the /storage/v1 prefix the connector sends.
function copyRoute(req, res, next) {
  if (/^\/storage\/v1\/b\/[^/]+\/o\/[^/]+\/(rewriteTo|copyTo)\//.test(req.url)) {
    req.url = req.url.substring('/storage/v1'.length);
  }
  next();
}

// One request to the emulator itself: resolves to {status, body (a Buffer)}.
function callEmulator(method, url, body = Buffer.alloc(0), type = 'application/json') {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: url,
      headers: { 'Content-Type': type, 'Content-Length': body.length } }, (answer) => {
      const chunks = [];
      answer.on('data', (c) => chunks.push(c));
      answer.on('end', () => resolve({ status: answer.statusCode, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function relay(res, answer) {
  return res.status(answer.status).type('application/json').send(answer.body);
}

// Connector 4.x renames an object with the atomic Objects: move API (moveTo), which the emulator
// answers 501: serve it as the emulator's rewrite plus a delete of the source, and answer with the
// moved object, as the real API does.
function moveRoute(req, res, next) {
  const move = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/?]+)\/moveTo\/o\/([^/?]+)(\?.*)?$/.exec(req.url);
  if (req.method !== 'POST' || !move) {
    return next();
  }
  const [, bucket, source, destination, query] = move;
  (async () => {
    const rewrite = await callEmulator('POST', `/b/${bucket}/o/${source}/rewriteTo/b/${bucket}/o/${destination}${query || ''}`,
      Buffer.from('{}'));
    if (rewrite.status !== 200) return relay(res, rewrite);
    const removed = await callEmulator('DELETE', `/storage/v1/b/${bucket}/o/${source}`);
    if (removed.status >= 300) return relay(res, removed);
    res.status(200).json(JSON.parse(rewrite.body.toString('utf8')).resource);
  })().catch(next);
}

// Connector 4.x syncs an output stream (hflush/hsync) by composing the object with a temporary one (Objects: compose),
// which the emulator answers 501: read the sources, upload their concatenation as the destination.
function composeRoute(req, res, next) {
  const compose = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/?]+)\/compose(\?.*)?$/.exec(req.url);
  if (req.method !== 'POST' || !compose) {
    return next();
  }
  const [, bucket, destination] = compose;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => (async () => {
    const raw = Buffer.concat(chunks); // the connector gzips its JSON bodies
    const text = (req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
    const spec = JSON.parse(text || '{}');
    const parts = [];
    for (const source of spec.sourceObjects || []) {
      const part = await callEmulator('GET', `/storage/v1/b/${bucket}/o/${encodeURIComponent(source.name)}?alt=media`);
      if (part.status !== 200) return relay(res, part);
      parts.push(part.body);
    }
    const type = (spec.destination && spec.destination.contentType) || 'application/octet-stream';
    relay(res, await callEmulator('POST', `/upload/storage/v1/b/${bucket}/o?uploadType=media&name=${destination}`,
      Buffer.concat(parts), type));
  })().catch(next));
}

// Connector 4.x asks a bucket's storage layout before renaming a folder (hierarchical namespace
// buckets rename folders natively); the emulator does not know the request: a flat bucket.
function storageLayoutRoute(req, res, next) {
  const layout = /^\/storage\/v1\/b\/([^/?]+)\/storageLayout(\?.*)?$/.exec(req.url);
  if (req.method !== 'GET' || !layout) {
    return next();
  }
  res.status(200).json({ kind: 'storage#storageLayout', bucket: decodeURIComponent(layout[1]), location: 'US',
    locationType: 'multi-region', hierarchicalNamespace: { enabled: false } });
}

// The emulator parses a multipart upload part only when its one header is Content-Type; the
// connector sends Content-Length and content-transfer-encoding too, and its empty directory markers
// have no type: keep each part's Content-Type alone (application/octet-stream when missing).
function multipartTypes(req, res, next) {
  const type = req.headers['content-type'] || '';
  const boundary = /boundary="?([^";]+)"?/.exec(type);
  if (req.method !== 'POST' || !type.startsWith('multipart/') || !boundary) {
    return next();
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const marker = Buffer.from('--' + boundary[1]);
    const body = Buffer.concat(chunks);
    const parts = [];
    let at = body.indexOf(marker);
    while (at >= 0) {
      const next = body.indexOf(marker, at + marker.length);
      parts.push(body.subarray(at, next < 0 ? body.length : next));
      at = next;
    }
    const fixed = parts.map((part) => {
      const headerEnd = part.indexOf('\r\n\r\n');
      if (headerEnd < 0) return part;
      const lines = part.subarray(0, headerEnd).toString('latin1').split('\r\n');
      const contentType = lines.slice(1).find((l) => /^content-type:/i.test(l)) || 'Content-Type: application/octet-stream';
      return Buffer.concat([Buffer.from(lines[0] + '\r\n' + contentType, 'latin1'), part.subarray(headerEnd)]);
    });
    // body-parser skips a request whose body is already read (req._body): hand over the fixed one
    req.body = Buffer.concat(fixed);
    req._body = true;
    next();
  });
}

async function main() {
  EmulatorRegistry.set(emulator.getName(), emulator);
  const app = await createApp('prodi-local', emulator);
  const front = express();
  if (process.env.PRODI_GCS_DEBUG) {
    front.use((req, res, next) => {
      res.on('finish', () => console.log(res.statusCode, req.method, req.originalUrl, req.headers['content-type'] || ''));
      next();
    });
  }
  front.use(storageLayoutRoute);
  front.use(moveRoute);
  front.use(composeRoute);
  front.use(copyRoute);
  front.use(multipartTypes);
  front.use(app);
  const server = front.listen(port, '127.0.0.1', () => console.log('gcs emulator on 127.0.0.1:' + port));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
main().catch((e) => { console.error(e); process.exit(1); });
