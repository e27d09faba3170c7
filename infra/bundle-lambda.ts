import { bundleLambda } from './lambda-bundling'

// The stack bundles each function in a child process (CDK's local bundling is synchronous; esbuild's plugins
// need its asynchronous API): `node --import tsx infra/bundle-lambda.ts <entry> <outDir>`.
const [entry, outDir] = process.argv.slice(2)
if (!entry || !outDir) throw new Error('usage: bundle-lambda.ts <entry> <outDir>')
await bundleLambda(entry, outDir)
