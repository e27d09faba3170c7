import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Production code reads the machine's clock in one place only, `packages/core/src/clock.ts`; everything else
 * takes the injected clock. A second reader would make the app behave differently from what the tests prove
 * (as `hono/jwt` once did, checking session expiry against the machine's date instead of the app's).
 */
const root = new URL('../..', import.meta.url).pathname
const scanned = ['packages', 'functions', 'web', 'infra']
const clockModule = 'packages/core/src/clock.ts'

const wallClockReads: { what: string; pattern: RegExp }[] = [
  { what: 'Date.now()', pattern: /\bDate\.now\s*\(/ },
  { what: 'new Date() or Date() without an instant', pattern: /\bDate\s*\(\s*\)/ },
  { what: 'performance.now() / timeOrigin', pattern: /\bperformance\s*\.\s*(now|timeOrigin)\b/ },
  { what: 'process.hrtime / uptime', pattern: /\bprocess\s*\.\s*(hrtime|uptime)\b/ },
  // The JWT helper checks exp, nbf and iat against the machine's clock unless told not to.
  { what: "hono/jwt's verify with its own time checks", pattern: /\bverify\s*\([^)]*'HS\d{3}'\s*\)/ },
]

/** Code without its comments, lines kept in place, so a comment may mention `Date.now()`. */
const withoutComments = (source: string) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')

/** `file:line: what` for every wall-clock read in a source text. */
const findWallClockReads = (file: string, source: string): string[] =>
  withoutComments(source)
    .split('\n')
    .flatMap((line, i) =>
      wallClockReads.filter((r) => r.pattern.test(line)).map((r) => `${file}:${i + 1}: ${r.what}`),
    )

const sourceFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) => {
      const path = join(dir, e.name)
      if (e.isDirectory())
        return ['node_modules', 'dist', 'cdk.out'].includes(e.name) ? [] : sourceFiles(path)
      return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [path] : []
    }),
  )
  return nested.flat()
}

describe('the wall clock', () => {
  it('is read by production code only in the clock module', async () => {
    const files = (await Promise.all(scanned.map((d) => sourceFiles(join(root, d))))).flat()
    expect(files.length).toBeGreaterThan(100)
    const found: string[] = []
    for (const path of files) {
      const file = relative(root, path)
      if (file === clockModule) continue
      found.push(...findWallClockReads(file, await readFile(path, 'utf8')))
    }
    expect(found).toEqual([])
  })

  it('is read by the clock module', async () => {
    const source = await readFile(join(root, clockModule), 'utf8')
    expect(findWallClockReads(clockModule, source)).not.toEqual([])
  })

  it('is found in each form, and not in comments or instants', () => {
    const source = [
      'const a = Date.now()',
      'const b = new Date()',
      'const c = Date()',
      'const d = performance.now() - performance.timeOrigin',
      'const e = process.hrtime.bigint()',
      "const f = await verify(token, secret, 'HS256')",
      '// Date.now() in a comment',
      '/* new Date() in a block */',
      'const g = new Date(at)',
      "const h = await verify(token, secret, { alg: 'HS256', exp: false })",
      "const url = 'https://example.com' // Date.now()",
    ].join('\n')
    expect(findWallClockReads('x.ts', source)).toEqual([
      'x.ts:1: Date.now()',
      'x.ts:2: new Date() or Date() without an instant',
      'x.ts:3: new Date() or Date() without an instant',
      'x.ts:4: performance.now() / timeOrigin',
      'x.ts:5: process.hrtime / uptime',
      "x.ts:6: hono/jwt's verify with its own time checks",
    ])
  })
})
