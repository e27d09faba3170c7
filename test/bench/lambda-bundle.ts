import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { lambdaBundling } from '../../infra/lambda-bundling'

/** Builds a function exactly as the CDK stack bundles it and reports its size. */
export const bundleFunction = async (entry: string, outDir: string) => {
  await mkdir(outDir, { recursive: true })
  const outfile = join(outDir, 'index.mjs')
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: lambdaBundling.mainFields,
    banner: { js: lambdaBundling.banner },
    logLevel: 'warning',
  })
  const code = await readFile(outfile)
  return {
    outfile,
    bytes: (await stat(outfile)).size,
    gzipBytes: gzipSync(code).length,
    mapBytes: (await stat(`${outfile}.map`)).size,
  }
}
