import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const webDir = fileURLToPath(new URL('.', import.meta.url))

/** Where the built assets go unless told otherwise; `npm start`, `npm run synth` and the bench read them here. */
export const defaultAssetsDir = join(webDir, '..', 'dist', 'web', 'static')

/** Every stylesheet (web/static/*.css) and client script (web/client/*.ts), each built to one minified file. */
const entryPoints = async () => [
  ...(await readdir(join(webDir, 'static')))
    .filter((f) => f.endsWith('.css'))
    .map((f) => join(webDir, 'static', f)),
  ...(await readdir(join(webDir, 'client')))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(webDir, 'client', f)),
]

/**
 * Builds the browser's assets with esbuild and returns their version: a hash of the output,
 * so an asset URL changes exactly when its bytes do and can be cached forever.
 */
export const buildWebAssets = async (
  outDir = defaultAssetsDir,
): Promise<{ outDir: string; version: string }> => {
  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  await build({
    entryPoints: await entryPoints(),
    format: 'iife',
    outdir: outDir,
    // Scripts and stylesheets come from two folders; all land flat in outDir as /static/<name>.
    entryNames: '[name]',
    bundle: true,
    minify: true,
    target: ['chrome87', 'firefox78', 'safari14'],
    logLevel: 'warning',
  })
  const hash = createHash('sha256')
  for (const file of (await readdir(outDir)).sort())
    hash.update(file).update(await readFile(join(outDir, file)))
  return { outDir, version: hash.digest('hex').slice(0, 12) }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir, version } = await buildWebAssets(process.argv[2])
  console.log(`web assets ${version} -> ${outDir}`)
}
