#!/usr/bin/env node
// Writes `.gz` and `.br` siblings for text assets over 1 KB, so the server can send them
// pre-compressed (no compression work per request). Usage: node scripts/precompress.mjs <dir>
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);
const MIN_BYTES = 1024;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

const root = resolve(process.argv[2] ?? 'dist');
let count = 0;
let before = 0;
let afterGzip = 0;
for await (const file of walk(root)) {
  if (!EXTENSIONS.has(extname(file))) continue;
  const { size } = await stat(file);
  if (size <= MIN_BYTES) continue;
  const data = await readFile(file);
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
  count += 1;
  before += size;
  afterGzip += gz.length;
}
console.log(`precompress: ${count} files in ${root}, ${(before / 1024).toFixed(1)} KB → ${(afterGzip / 1024).toFixed(1)} KB gzip`);
