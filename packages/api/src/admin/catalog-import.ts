import { createHash } from 'node:crypto'
import type { Agency, Service } from '@mpp/core/catalog'
import type { Tenant } from '@mpp/core/tenant'
import { getAdminCatalog, PartialWriteError, writeCatalog } from '@mpp/db/catalog-admin-repository'
import type { Catalog } from '@mpp/db/catalog-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { type CsvColumn, type CsvIssue, csvColumns, readCatalogCsv, serviceCells } from './catalog-csv'

/**
 * The catalog import in two steps (issue 13): a preview says what the file would add, change (column by
 * column, old and new) and leave alone, writing nothing; the confirmation applies exactly what was previewed.
 *
 * The preview hands out a token: a hash of the file and, for every agency and service the file names, a hash
 * of how it was stored when previewed. On confirmation each of them must still be as previewed (then it is
 * written) or already as the file says (then it is left alone: a retried or resumed confirmation writes
 * nothing twice); anything else was changed by someone in between, and nothing is written (409
 * `import_stale`). No state is kept on the server between the two steps.
 */

export type ImportStatus = 'added' | 'changed' | 'unchanged'

export interface ImportChange {
  column: CsvColumn
  before: string
  after: string
}

export interface ImportEntry {
  kind: 'agency' | 'service'
  id: string
  name: string
  /** The CSV line the agency or service comes from (an agency: its first). */
  line: number
  status: ImportStatus
  /** For a changed one, the columns that change. */
  changes: ImportChange[]
}

type Counts = Record<ImportStatus, { agencies: number; services: number }>

export interface ImportPreview {
  entries: ImportEntry[]
  counts: Counts
  /** To send back with the same CSV to apply this preview. */
  previewToken: string
}

export interface ImportResult {
  counts: Counts
  /** Agencies and services this request wrote: 0 when a retry finds everything already imported. */
  written: number
}

/** A CSV import's problems, as the API reports them: `details: [{ line, field, message }]`. */
export class CsvRefusal extends ApiError {
  constructor(readonly issues: CsvIssue[]) {
    super(400, 'invalid_request', issues)
  }
}

/** The catalog changed between preview and confirmation: nothing was written. */
export class ImportStale extends ApiError {
  constructor(readonly lines: number[]) {
    super(409, 'import_stale', { lines })
  }
}

/**
 * A form field normalises line ends to CRLF and a textarea may too, so the file is read with LF only: the
 * CSV sent back with the confirmation means and hashes the same as the one previewed.
 */
export const normaliseCsv = (csv: string) => csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

/** JSON with sorted keys, so that equal items hash equally whatever order their fields came in. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )

const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('base64url').slice(0, length)
const itemHash = (item: Agency | Service | undefined) => hash(stableJson(item ?? null), 8)
const absent = itemHash(undefined)

const agencyColumns: CsvColumn[] = ['agency_name', 'agency_kind']
const serviceColumns = csvColumns.filter((c) => !agencyColumns.includes(c))

interface Planned {
  entry: ImportEntry
  kind: 'agency' | 'service'
  item: Agency | Service
  /** How it is stored now, and how the file has it. */
  current: string
  target: string
}

/** What each agency and service of a valid file would become, against the catalog as stored. */
const plan = (read: Extract<Awaited<ReturnType<typeof readCatalogCsv>>, { ok: true }>, existing: Catalog) => {
  const storedAgencies = new Map(existing.agencies.map((a) => [a.id, a]))
  const storedServices = new Map(existing.services.map((s) => [s.id, s]))
  const cellsOfAgency = (a: Agency) =>
    ({ agency_name: a.name, agency_kind: a.kind }) as Record<CsvColumn, string>
  const planned: Planned[] = []
  const add = <T extends Agency | Service>(
    kind: 'agency' | 'service',
    item: T,
    line: number,
    stored: T | undefined,
    columns: CsvColumn[],
    cells: (x: T) => Record<CsvColumn, string>,
  ) => {
    const current = itemHash(stored)
    const target = itemHash(item)
    const status: ImportStatus = !stored ? 'added' : current === target ? 'unchanged' : 'changed'
    const changes =
      status === 'changed' && stored
        ? columns.flatMap((column) => {
            const before = cells(stored)[column]
            const after = cells(item)[column]
            return before === after ? [] : [{ column, before, after }]
          })
        : []
    planned.push({
      kind,
      item,
      current,
      target,
      entry: { kind, id: item.id, name: item.name, line, status, changes },
    })
  }
  for (const { agency, line } of read.agencies)
    add('agency', agency, line, storedAgencies.get(agency.id), agencyColumns, cellsOfAgency)
  for (const { service, line } of read.services)
    add('service', service, line, storedServices.get(service.id), serviceColumns, (s) =>
      serviceCells(s, undefined),
    )
  return planned
}

const countOf = (entries: { kind: 'agency' | 'service'; status: ImportStatus }[]): Counts => {
  const counts: Counts = {
    added: { agencies: 0, services: 0 },
    changed: { agencies: 0, services: 0 },
    unchanged: { agencies: 0, services: 0 },
  }
  for (const e of entries) counts[e.status][e.kind === 'agency' ? 'agencies' : 'services']++
  return counts
}

const tokenVersion = 'v1'
const makeToken = (csv: string, planned: Planned[]) =>
  [tokenVersion, hash(csv, 22), planned.map((p) => p.current).join('')].join('.')

/** The hashes a token carries, or undefined when it is not a token of this CSV. */
const readToken = (token: string, csv: string): string[] | undefined => {
  const [version, csvHash, items = '', ...rest] = token.split('.')
  if (version !== tokenVersion || csvHash !== hash(csv, 22) || rest.length > 0 || items.length % 8 !== 0)
    return undefined
  return items.match(/.{8}/g) ?? []
}

const readOrRefuse = async (csv: string, existing: Catalog, m: Messages) => {
  const read = await readCatalogCsv(csv, existing, m)
  if (!read.ok) throw new CsvRefusal(read.issues)
  return read
}

/** Reads and checks the CSV against the catalog as stored and says what it would do; writes nothing. */
export const previewImport = async (
  deps: Pick<AppDeps, 'db'>,
  tenant: Tenant,
  csv: string,
  m: Messages,
): Promise<ImportPreview> => {
  const text = normaliseCsv(csv)
  const existing = await getAdminCatalog(deps.db, tenant.id)
  const planned = plan(await readOrRefuse(text, existing, m), existing)
  const entries = planned.map((p) => p.entry)
  return { entries, counts: countOf(entries), previewToken: makeToken(text, planned) }
}

/**
 * Applies a preview: the same CSV and its token. Writes the agencies and services that are still as
 * previewed and differ from the file, with BatchWriteItem (every write replaces an item, so a confirmation
 * that stopped part-way, 503, completes when sent again). A write failing is logged and answered 503 with
 * how far it got.
 */
export const applyImport = async (
  deps: Pick<AppDeps, 'db'>,
  tenant: Tenant,
  csv: string,
  previewToken: string,
  m: Messages,
  log: (message: string, details: Record<string, unknown>) => void,
): Promise<ImportResult> => {
  const text = normaliseCsv(csv)
  const previewed = readToken(previewToken, text)
  if (!previewed)
    throw new ApiError(400, 'invalid_request', [
      { path: 'previewToken', message: m.catalogImport.tokenMismatch },
    ])
  const existing = await getAdminCatalog(deps.db, tenant.id)
  const planned = plan(await readOrRefuse(text, existing, m), existing)
  if (planned.length !== previewed.length) throw new ImportStale([])

  const stale = planned.filter((p, i) => p.current !== p.target && p.current !== previewed[i])
  if (stale.length > 0) throw new ImportStale([...new Set(stale.map((p) => p.entry.line))])

  const toWrite = planned.filter((p) => p.current !== p.target)
  const catalog: Catalog = {
    agencies: toWrite.flatMap((p) => (p.kind === 'agency' ? [p.item as Agency] : [])),
    services: toWrite.flatMap((p) => (p.kind === 'service' ? [p.item as Service] : [])),
  }
  try {
    await writeCatalog(deps.db, tenant.id, catalog)
  } catch (error) {
    const partial = error instanceof PartialWriteError ? error : undefined
    log('catalog import stopped after validation', {
      error: partial?.reason ?? error,
      written: partial?.written,
      total: partial?.total,
      services: catalog.services.length,
    })
    throw new ApiError(503, 'unavailable', { written: partial?.written ?? 0, total: partial?.total })
  }
  // The counts are those of the preview, so that a retry reports the same import.
  const counts = countOf(
    planned.map((p, i) => ({
      kind: p.kind,
      status: previewed[i] === absent ? 'added' : previewed[i] === p.target ? 'unchanged' : 'changed',
    })),
  )
  return { counts, written: toWrite.length }
}
