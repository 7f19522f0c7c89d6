// Bundles the console into the directory the gateway serves (its --web_dir):
//   node build.mjs --outdir DIR
// writes DIR/index.html, DIR/assets/app.js and DIR/assets/app.css, and nothing else: other files in
// DIR (openapi.json, api.html) belong to other build steps. No inline script or style, so the page
// works under Content-Security-Policy "default-src 'self'".
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXPECTED = ['app.js', 'app.css'];

function parseArgs(argv) {
  let outdir = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--outdir') outdir = argv[++i] ?? '';
    else if (a.startsWith('--outdir=')) outdir = a.slice('--outdir='.length);
    else throw new Error(`unknown argument '${a}'`);
  }
  if (!outdir) throw new Error('usage: node build.mjs --outdir DIR');
  return { outdir: path.resolve(outdir) };
}

async function build({ outdir }) {
  const assets = path.join(outdir, 'assets');
  await mkdir(assets, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: here,
    entryPoints: { app: 'src/main.jsx' },
    bundle: true,
    outdir: assets,
    entryNames: '[name]',
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  // Fixed names only: an import that makes esbuild emit anything else (an image, a font, a chunk)
  // would be served from a name nobody links to.
  const written = Object.keys(result.metafile.outputs).map((f) => path.basename(f)).sort();
  const unexpected = written.filter((f) => !EXPECTED.includes(f));
  if (unexpected.length > 0 || written.length !== EXPECTED.length) {
    await Promise.all(unexpected.map((f) => rm(path.join(assets, f), { force: true })));
    throw new Error(`esbuild wrote ${written.join(', ')}; expected exactly ${EXPECTED.join(', ')}`);
  }
  await copyFile(path.join(here, 'src', 'index.html'), path.join(outdir, 'index.html'));
}

try {
  await build(parseArgs(process.argv.slice(2)));
} catch (err) {
  console.error(`kinerja console build: ${err.message}`);
  process.exit(1);
}
