// Bundles the browser side of the pages with esbuild: run by the Maven build (exec-maven-plugin, phase
// generate-resources) as `node build.mjs <output folder>`, the output folder being the app's target/classes/static.
// Installs the locked packages first when node_modules does not match package-lock.json, so a fresh clone needs
// nothing but Node.js and npm. Nothing it writes is committed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', 'target', 'classes', 'static'));

// npm writes node_modules/.package-lock.json on install; when it equals the committed lock's packages, skip npm ci.
function installed() {
  const hidden = join(here, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden)) return false;
  const lock = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8')).packages;
  const have = JSON.parse(readFileSync(hidden, 'utf8')).packages;
  return Object.keys(lock).every((k) => k === '' || lock[k].optional || (have[k] && have[k].version === lock[k].version));
}

if (!installed()) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --ignore-scripts: no package runs code at install (esbuild's binary comes as an optional package)
  execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: here,
    stdio: 'inherit',
  });
}

const esbuild = await import('esbuild');
mkdirSync(join(out, 'js'), { recursive: true });
await esbuild.build({
  absWorkingDir: here,
  entryPoints: {
    'js/forms': 'src/forms.js',
    'css/forms': 'src/forms.css',
    'js/diagram': 'src/diagram.js',
    'css/diagram': 'src/diagram.css',
  },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log('pages: bundled js/forms.js, js/diagram.js and their css into ' + out);
