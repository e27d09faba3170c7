import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { bundleLambda } from '../../infra/lambda-bundling'

const run = promisify(execFile)
const lazyMaps = new URL('../../functions/lazy-source-maps.ts', import.meta.url).pathname

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpp-maps-'))
})
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

it('turns a bundled function’s stack trace into file:line of its sources without --enable-source-maps', async () => {
  const entry = join(dir, 'failing-handler.ts')
  await writeFile(
    entry,
    [
      `import '${lazyMaps}'`,
      'export const handler = async () => {',
      "  throw new Error('boom')",
      '}',
      '',
    ].join('\n'),
  )
  const bundle = await bundleLambda(entry, join(dir, 'out'))
  const { stdout } = await run(process.execPath, [
    '--input-type=module',
    '-e',
    `const { handler } = await import(${JSON.stringify(bundle.outfile)}); await handler().catch((e) => console.log(e.stack))`,
  ])
  expect(stdout).toMatch(/^Error: boom\n/)
  expect(stdout).toMatch(/failing-handler\.ts:3:\d+/)
}, 60_000)
