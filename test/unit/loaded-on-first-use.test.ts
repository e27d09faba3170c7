import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleLambda, type FunctionBundle } from '../../infra/lambda-bundling'

const entry = (name: string) => new URL(`../../functions/by-audience/${name}.ts`, import.meta.url).pathname
const loadedAtInit = (bundle: FunctionBundle, source: string) =>
  Object.keys(bundle.initInputs).some((input) => input.endsWith(source))

let dir = ''
const bundles: Record<string, FunctionBundle> = {}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpp-first-use-'))
  for (const name of ['citizen', 'staff']) bundles[name] = await bundleLambda(entry(name), join(dir, name))
}, 120_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

// README "Cold start": what only some requests need is read when the first of them comes, not at init.
describe('functions bundled as the stack bundles them', () => {
  it('load the English catalog on the first English request, not at init; Indonesian at init', () => {
    for (const bundle of Object.values(bundles)) {
      expect(loadedAtInit(bundle, 'web/i18n/en.ts')).toBe(false)
      expect(loadedAtInit(bundle, 'web/i18n/id.ts')).toBe(true)
    }
  })

  it("leave the list of regencies (67 KiB) out of the citizen function's init: the NIK check needs their codes", () => {
    expect(loadedAtInit(bundles.citizen as FunctionBundle, 'packages/core/src/regions-id.json')).toBe(false)
    expect(loadedAtInit(bundles.citizen as FunctionBundle, 'packages/core/src/nik.ts')).toBe(true)
  })

  it("load the CSV parser on the first catalog import, not at the staff function's init", () => {
    expect(Object.keys(bundles.staff?.initInputs ?? {}).some((input) => input.includes('/csv-parse/'))).toBe(
      false,
    )
    expect(loadedAtInit(bundles.staff as FunctionBundle, 'packages/api/src/csv.ts')).toBe(true)
  })
})
