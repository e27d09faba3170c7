import { readFile, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

/**
 * What every function's process starts with. Empty: `--enable-source-maps` made Node read and decode each
 * bundle's source map at import, before the first request (`npm run bench -- cold`); the maps are read on the
 * first error instead (functions/lazy-source-maps.ts).
 */
export const lambdaNodeOptions: string = ''

/**
 * zod's namespace carries every locale's error messages (about 250 KiB) because @hono/zod-openapi extends the
 * namespace object, so nothing of it can be shaken off. The app writes its own messages (web/i18n) and zod's
 * default English is all it uses; the other locales are left out.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js"',
      resolveDir: dirname(args.path),
    }))
  },
}

export interface FunctionBundle {
  /** The handler's module: `index.mjs` in `outDir`. */
  outfile: string
  /** Bytes Lambda loads at init: the entry and the chunks it imports statically. */
  initBytes: number
  initGzipBytes: number
  /** Every chunk, those loaded on first use (`import()`) included. */
  totalBytes: number
  mapBytes: number
  chunks: number
  /** The source files (relative to the working directory) in what is loaded at init, by bytes in the output. */
  initInputs: Record<string, number>
}

/** The chunks an output loads before it runs: itself and its static imports, transitively. */
const loadedAtInit = (metafile: Metafile, entry: string): string[] => {
  const seen = new Set<string>()
  const visit = (file: string) => {
    // Node's built-ins are imports too, but no output of ours.
    if (seen.has(file) || !metafile.outputs[file]) return
    seen.add(file)
    for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entry)
  return [...seen]
}

/**
 * How every Lambda is bundled, for the stack (infra/constructs/app-function.ts) and the bench alike: ESM for
 * Node 22, minified, split into chunks so what a function imports with `import()` (rarely used routes, heavy
 * SDKs) is read only when first used; source maps beside the code, without their sources.
 */
export const bundleLambda = async (entry: string, dir: string): Promise<FunctionBundle> => {
  const outDir = resolve(dir)
  await rm(outDir, { recursive: true, force: true })
  const { metafile } = await build({
    entryPoints: { index: entry },
    outdir: outDir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    // The maps only need to turn a stack trace into file:line; the sources would double them.
    sourcesContent: false,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // Prefer the ESM build of a dependency: it tree-shakes, the CommonJS one does not.
    mainFields: ['module', 'main'],
    // Some CommonJS dependencies call require() for Node built-ins; an ESM chunk has no require of its own.
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    // The AWS SDK is bundled too, so Lambda runs the version locked in package-lock.json, not the runtime's.
    plugins: [zodEnglishOnly],
    metafile: true,
    logLevel: 'warning',
  })
  const outfile = join(outDir, 'index.mjs')
  // The metafile names outputs relative to the working directory.
  const outputs = Object.keys(metafile.outputs)
  const code = outputs.filter((o) => o.endsWith('.mjs'))
  const entryOutput = code.find((o) => resolve(o) === outfile)
  if (!entryOutput) throw new Error(`no index.mjs among ${code.join(', ')}`)
  const init = loadedAtInit(metafile, entryOutput)
  const sizeOf = async (files: string[]) =>
    (await Promise.all(files.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0)
  const initCode = Buffer.concat(await Promise.all(init.map((f) => readFile(f))))
  const initInputs: Record<string, number> = {}
  for (const output of init)
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output]?.inputs ?? {}))
      initInputs[input] = (initInputs[input] ?? 0) + bytesInOutput
  return {
    outfile,
    initBytes: initCode.length,
    initGzipBytes: gzipSync(initCode).length,
    totalBytes: await sizeOf(code),
    mapBytes: await sizeOf(outputs.filter((o) => o.endsWith('.map'))),
    chunks: code.length,
    initInputs,
  }
}
