import {
  type Agency,
  agency as agencySchema,
  type InternalComponent,
  internalComponents,
  type Service,
  service as serviceSchema,
} from '@mpp/core/catalog'
import type { Catalog } from '@mpp/db/catalog-repository'
import type { Messages } from '@mpp/web/i18n/messages'
import type { ZodError } from 'zod'
import { type CsvDelimiter, readCsv, restoreCell, toCsv } from '../csv'
import { fieldIssues } from '../validation'

/**
 * The catalog as CSV: one row per service, with its agency's columns, the six published components and the
 * eight internal ones. Lists (requirements, procedure) are separated by " | ".
 */
export const csvColumns = [
  'agency_id',
  'agency_name',
  'agency_kind',
  'service_id',
  'service_name',
  'requirements',
  'procedure',
  'completion_time',
  'fee',
  'product',
  'complaint_channel',
  'search_words',
  'legal_basis',
  'facilities',
  'staff_competence',
  'internal_supervision',
  'staff_count',
  'service_guarantee',
  'safety_guarantee',
  'staff_evaluation',
] as const
export type CsvColumn = (typeof csvColumns)[number]

/** Columns the header row must have; agency name and kind may be left out when every agency exists. */
export const requiredColumns: readonly CsvColumn[] = [
  'agency_id',
  'service_id',
  'service_name',
  'requirements',
  'procedure',
  'completion_time',
  'fee',
  'product',
]

/** The most services one import takes (a large MPP offers about 300; 1 MB of body caps it anyway). */
export const maxImportRows = 2000
const maxReportedErrors = 200

const internalColumns: Record<InternalComponent, CsvColumn> = {
  legalBasis: 'legal_basis',
  facilities: 'facilities',
  staffCompetence: 'staff_competence',
  internalSupervision: 'internal_supervision',
  staffCount: 'staff_count',
  serviceGuarantee: 'service_guarantee',
  safetyGuarantee: 'safety_guarantee',
  staffEvaluation: 'staff_evaluation',
}

const agencyColumns: Record<string, CsvColumn> = { id: 'agency_id', name: 'agency_name', kind: 'agency_kind' }

const serviceColumns: Record<string, CsvColumn> = {
  id: 'service_id',
  agencyId: 'agency_id',
  name: 'service_name',
  requirements: 'requirements',
  procedure: 'procedure',
  completionTime: 'completion_time',
  fee: 'fee',
  product: 'product',
  complaintChannel: 'complaint_channel',
  keywords: 'search_words',
}

/** One problem of an import, where a spreadsheet user can find it. */
export interface CsvIssue {
  line: number
  field: string
  message: string
}

export type CsvImport =
  | {
      ok: true
      /** The agencies the file writes (new ones, and stored ones whose name or kind it gives), by first line. */
      agencies: { agency: Agency; line: number }[]
      services: { service: Service; line: number }[]
      delimiter: CsvDelimiter
    }
  | { ok: false; issues: CsvIssue[] }

const listSeparator = ' | '
const splitList = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)

/** Zod issues of one row as CSV issues, each path turned into the column it came from. */
const rowIssues = (
  error: ZodError,
  m: Messages,
  line: number,
  columnOf: (path: string) => string,
): CsvIssue[] =>
  fieldIssues(error, m).map((issue) => ({ line, field: columnOf(issue.path), message: issue.message }))

const serviceColumnOf = (path: string): string => {
  const [head = '', sub = ''] = path.split('.')
  if (head === 'internal') return internalColumns[sub as InternalComponent] ?? 'internal'
  return serviceColumns[head] ?? head
}

/**
 * The template's example rows are marked so that they can never go live unedited (issue 13): their ids start
 * with `contoh-` and their names with `CONTOH`. A row still carrying the mark in any of those columns is
 * refused; these are the marked columns.
 */
export const sampleIdPrefix = 'contoh-'
export const sampleNameMark = 'CONTOH'
const sampleColumns = (cell: (column: CsvColumn) => string): CsvColumn[] => [
  ...(['agency_id', 'service_id'] as const).filter((c) => {
    const v = cell(c).toLowerCase()
    return v === 'contoh' || v.startsWith(sampleIdPrefix)
  }),
  ...(['agency_name', 'service_name'] as const).filter((c) =>
    new RegExp(`\\b${sampleNameMark}\\b`).test(cell(c)),
  ),
]

/**
 * Reads and validates a whole catalog CSV against the tenant's current catalog, writing nothing: either every
 * row is valid and the agencies and services it describes come back, or every problem found, with its line
 * and column. The file may be separated by commas or semicolons (detected), with or without a byte order
 * mark. Agencies already in the tenant keep their position and the fields the CSV has no column for; a row
 * whose agency name and kind are empty uses the agency as it is. A service keeps what the CSV has no column
 * for (an optional column left out of the header included).
 */
export const readCatalogCsv = async (text: string, existing: Catalog, m: Messages): Promise<CsvImport> => {
  const t = m.catalogImport
  const read = await readCsv(text)
  if (!read.ok) {
    const { line, column, kind, header } = read.problem
    const field = (line > 1 && header?.[column]?.trim().toLowerCase()) || String(column + 1)
    const message = kind === 'unclosed_quote' ? t.unclosedQuote(line) : t.unreadable(line)
    return { ok: false, issues: [{ line, field, message }] }
  }

  const [header, ...body] = read.records
  if (!header || body.length === 0) return { ok: false, issues: [{ line: 1, field: '', message: t.empty }] }
  if (body.length > maxImportRows)
    return { ok: false, issues: [{ line: 1, field: '', message: t.tooManyRows(maxImportRows) }] }

  const issues: CsvIssue[] = []
  const names = header.cells.map((h) => h.trim().toLowerCase())
  const index = new Map<string, number>()
  names.forEach((name, i) => {
    if (!(csvColumns as readonly string[]).includes(name))
      issues.push({ line: 1, field: name || String(i + 1), message: t.unknownColumn })
    else if (index.has(name)) issues.push({ line: 1, field: name, message: t.duplicateColumn })
    else index.set(name, i)
  })
  for (const column of requiredColumns)
    if (!index.has(column)) issues.push({ line: 1, field: column, message: t.missingColumn })
  if (issues.length > 0) return { ok: false, issues }

  const agencies = new Map(existing.agencies.map((a) => [a.id, a]))
  const storedServices = new Map(existing.services.map((s) => [s.id, s]))
  let nextOrder = Math.max(0, ...existing.agencies.map((a) => a.order + 10))
  const agenciesInCsv = new Map<string, { agency: Agency; line: number }>()
  const servicesInCsv = new Map<string, { service: Service; line: number }>()

  for (const { cells, line } of body) {
    const cell = (column: CsvColumn) => {
      const i = index.get(column)
      return i === undefined ? '' : restoreCell((cells[i] ?? '').trim())
    }
    if (cells.length !== names.length) {
      issues.push({ line, field: '', message: t.columnCount(cells.length, names.length) })
      continue
    }
    const marked = sampleColumns(cell)
    if (marked.length > 0) {
      issues.push({ line, field: marked.join(', '), message: t.sampleRow })
      continue
    }

    // The agency: from the CSV (new, or replacing the stored one), or as stored when its columns are empty.
    const agencyId = cell('agency_id')
    const name = cell('agency_name')
    const kind = cell('agency_kind').toLowerCase()
    const earlier = agenciesInCsv.get(agencyId)
    const stored = agencies.get(agencyId)
    let agencyOk = true
    if (name === '' && kind === '') {
      if (!earlier && !stored) {
        issues.push({ line, field: 'agency_name', message: t.unknownAgency })
        agencyOk = false
      }
    } else if (earlier) {
      for (const [column, value, before] of [
        ['agency_name', name, earlier.agency.name],
        ['agency_kind', kind, earlier.agency.kind],
      ] as const)
        if (value !== before) {
          issues.push({ line, field: column, message: t.agencyDiffers(earlier.line) })
          agencyOk = false
        }
    } else {
      const parsed = agencySchema.safeParse({
        ...stored,
        id: agencyId,
        name,
        kind,
        order: stored?.order ?? Math.min(nextOrder, 10_000),
      })
      if (parsed.success) {
        agenciesInCsv.set(agencyId, { agency: parsed.data, line })
        if (!stored) nextOrder += 10
      } else {
        issues.push(...rowIssues(parsed.error, m, line, (p) => agencyColumns[p] ?? p))
        agencyOk = false
      }
    }

    // The service, with its internal components when any is filled in. A column the file leaves out (an
    // optional one, or one an older template lacks) keeps what is stored; an empty cell removes it.
    const serviceId = cell('service_id')
    const storedService = storedServices.get(serviceId)
    const optional = (column: CsvColumn, kept: string | undefined) =>
      index.has(column) ? cell(column) || undefined : kept
    const internal = Object.fromEntries(
      internalComponents.flatMap((key) => {
        const value = optional(internalColumns[key], storedService?.internal?.[key])
        return value ? [[key, value]] : []
      }),
    )
    const keywords = optional('search_words', storedService?.keywords?.join(listSeparator))
    const parsed = serviceSchema.safeParse({
      ...storedService,
      id: serviceId,
      agencyId,
      name: cell('service_name'),
      requirements: splitList(cell('requirements')),
      procedure: splitList(cell('procedure')),
      completionTime: cell('completion_time'),
      fee: cell('fee'),
      product: cell('product'),
      complaintChannel: optional('complaint_channel', storedService?.complaintChannel),
      keywords: keywords ? splitList(keywords) : undefined,
      internal: Object.keys(internal).length > 0 ? internal : undefined,
    })
    if (!parsed.success) {
      const found = rowIssues(parsed.error, m, line, serviceColumnOf)
      // An invalid agency id is reported once, by the agency.
      issues.push(...(agencyOk ? found : found.filter((i) => i.field !== 'agency_id')))
      continue
    }
    const twin = servicesInCsv.get(parsed.data.id)
    if (twin) {
      issues.push({ line, field: 'service_id', message: t.duplicateService(twin.line) })
      continue
    }
    servicesInCsv.set(parsed.data.id, { service: parsed.data, line })
  }

  if (issues.length > 0) {
    const sorted = issues.sort((a, b) => a.line - b.line)
    if (sorted.length <= maxReportedErrors) return { ok: false, issues: sorted }
    const last = sorted[maxReportedErrors - 1] as CsvIssue
    return {
      ok: false,
      issues: [
        ...sorted.slice(0, maxReportedErrors),
        { line: last.line, field: '', message: t.moreErrors(sorted.length - maxReportedErrors) },
      ],
    }
  }
  return {
    ok: true,
    agencies: [...agenciesInCsv.values()],
    services: [...servicesInCsv.values()],
    delimiter: read.delimiter,
  }
}

/** A service (and its agency's name and kind) as the cells of its CSV row. */
export const serviceCells = (s: Service, a: Agency | undefined): Record<CsvColumn, string> => ({
  agency_id: s.agencyId,
  agency_name: a?.name ?? '',
  agency_kind: a?.kind ?? '',
  service_id: s.id,
  service_name: s.name,
  requirements: s.requirements.join(listSeparator),
  procedure: s.procedure.join(listSeparator),
  completion_time: s.completionTime,
  fee: s.fee,
  product: s.product,
  complaint_channel: s.complaintChannel ?? '',
  search_words: s.keywords?.join(listSeparator) ?? '',
  legal_basis: s.internal?.legalBasis ?? '',
  facilities: s.internal?.facilities ?? '',
  staff_competence: s.internal?.staffCompetence ?? '',
  internal_supervision: s.internal?.internalSupervision ?? '',
  staff_count: s.internal?.staffCount ?? '',
  service_guarantee: s.internal?.serviceGuarantee ?? '',
  safety_guarantee: s.internal?.safetyGuarantee ?? '',
  staff_evaluation: s.internal?.staffEvaluation ?? '',
})

/** A catalog's services as CSV rows in the import's format (used for the template's examples). */
export const catalogCsvRows = (catalog: Catalog): string[][] =>
  catalog.services.map((s) => {
    const values = serviceCells(
      s,
      catalog.agencies.find((x) => x.id === s.agencyId),
    )
    return csvColumns.map((c) => values[c])
  })

/**
 * Two real services as examples, in Indonesian: one with every internal component, one with none. Their ids
 * start with `contoh-` and their names with `CONTOH`, so that the template imported as it is adds nothing
 * (each row is refused, saying why) and never replaces a real service of the same name.
 */
export const templateCatalog: Catalog = {
  agencies: [
    {
      id: 'contoh-disdukcapil',
      name: 'CONTOH Dinas Kependudukan dan Pencatatan Sipil',
      kind: 'opd',
      order: 0,
    },
    { id: 'contoh-polres', name: 'CONTOH Kepolisian Resor Kota', kind: 'kementerian_lembaga', order: 10 },
  ],
  services: [
    {
      id: 'contoh-akta-kelahiran',
      agencyId: 'contoh-disdukcapil',
      name: 'CONTOH Akta Kelahiran',
      requirements: [
        'Surat keterangan kelahiran dari rumah sakit, puskesmas atau bidan',
        'Kartu Keluarga',
        'KTP-el kedua orang tua',
      ],
      procedure: ['Ambil nomor antrean', 'Serahkan berkas di loket', 'Verifikasi data', 'Penerbitan akta'],
      completionTime: '1 hari kerja',
      fee: 'Gratis',
      product: 'Kutipan Akta Kelahiran',
      complaintChannel: 'SP4N-LAPOR! (lapor.go.id) atau kotak pengaduan di loket',
      internal: {
        legalBasis: 'UU 24/2013 tentang Administrasi Kependudukan; Perpres 96/2018',
        facilities: 'Loket, ruang tunggu, kursi roda dan jalur landai untuk penyandang disabilitas',
        staffCompetence: 'Memahami administrasi kependudukan dan aplikasi SIAK',
        internalSupervision: 'Kepala Bidang Pelayanan Pencatatan Sipil',
        staffCount: '3 orang',
        serviceGuarantee: 'Pelayanan sesuai standar, tanpa pungutan',
        safetyGuarantee: 'Data pemohon dijaga kerahasiaannya',
        staffEvaluation: 'Evaluasi kinerja pelaksana setiap triwulan',
      },
    },
    {
      id: 'contoh-skck',
      agencyId: 'contoh-polres',
      name: 'CONTOH Surat Keterangan Catatan Kepolisian (SKCK)',
      requirements: ['KTP-el', 'Kartu Keluarga', 'Pas foto 4x6 berlatar merah, 6 lembar'],
      procedure: ['Isi formulir', 'Perekaman sidik jari', 'Verifikasi', 'Pencetakan SKCK'],
      completionTime: '1 hari kerja',
      fee: 'Rp30.000 (PP 76/2020)',
      product: 'SKCK',
      complaintChannel: 'Layanan pengaduan Polri 110',
    },
  ],
}

/** The template: the header row and the two examples. */
export const catalogTemplateCsv = () => toCsv([[...csvColumns], ...catalogCsvRows(templateCatalog)])
