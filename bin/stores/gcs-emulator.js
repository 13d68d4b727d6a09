// A Cloud Storage emulator for prodi's tests: the one inside firebase-tools, run offline in this
// process. Its CLI wants Java 21 and downloads a rules runtime from the internet; here the rules
// runtime and manager are no-ops (the JSON API the gcs-connector uses does not evaluate rules), and
// a small middleware in front of it fixes the two requests of the connector it does not route.
//
//   node gcs-emulator.js <port> <blob-dir>
'use strict';
const path = require('path');
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
  front.use(copyRoute);
  front.use(multipartTypes);
  front.use(app);
  const server = front.listen(port, '127.0.0.1', () => console.log('gcs emulator on 127.0.0.1:' + port));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
main().catch((e) => { console.error(e); process.exit(1); });
