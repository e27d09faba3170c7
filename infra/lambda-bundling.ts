import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs'
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'

/**
 * How every Lambda is bundled, as plain data so the bench can run the very esbuild build it measures
 * (`format` is the string `esm`).
 */
export const lambdaBundling = {
  minify: true,
  sourceMap: true,
  // The maps only need to turn a stack trace into file:line; the sources would double the bundle.
  sourcesContent: false,
  target: 'node22',
  format: OutputFormat.ESM,
  // Prefer the ESM build of a dependency: it tree-shakes, the CommonJS one does not.
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require() for Node built-ins; an ESM bundle has no require of its own.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  // The AWS SDK is bundled too, so Lambda runs the version locked in package-lock.json, not the runtime's.
  externalModules: [],
} satisfies BundlingOptions

/**
 * What every function's process starts with: Node turns stack traces into file:line through the source maps.
 * The bench starts its fresh processes with it too, so a cost it adds at init is measured.
 */
export const lambdaNodeOptions = '--enable-source-maps'
