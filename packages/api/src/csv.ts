/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or CR before one of them) gets a
 * leading apostrophe, which spreadsheets show as text; a plain number such as `-3` or `4,5` stays a number.
 * Names come from tenant admins and citizens, and the ministry opens these files (OWASP: CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/
const plainNumber = /^-?\d+([.,]\d+)?$/
export const neutraliseCell = (cell: string) =>
  formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell

/** The cell as it was before `neutraliseCell`, so a file the app wrote reads back the same. */
export const restoreCell = (cell: string) =>
  cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
const csvLine = (cells: string[]) => cells.map((cell) => quote(neutraliseCell(cell))).join(',')

/**
 * CSV text (UTF-8 with a byte order mark so spreadsheets read the accents, CRLF as RFC 4180 says), every cell
 * neutralised: the one writer of every export.
 */
export const toCsv = (rows: string[][]) => `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`

/** The separators a spreadsheet saves CSV with: Excel in an Indonesian locale writes `;`. */
export type CsvDelimiter = ',' | ';' | '\t'
const delimiters: readonly CsvDelimiter[] = [',', ';', '\t']

/**
 * The separator of a CSV file, from its first non-empty line (the header, whose names hold none): the one of
 * `,`, `;` and tab that occurs most often outside quotes; a comma when none does.
 */
export const detectDelimiter = (text: string): CsvDelimiter => {
  const body = text.replace(/^\uFEFF/, '')
  const first = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  const counts = new Map<CsvDelimiter, number>(delimiters.map((d) => [d, 0]))
  let quoted = false
  for (const ch of first) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch as CsvDelimiter))
      counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1)
  }
  let best: CsvDelimiter = ','
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  return best
}

/** One record of a CSV file and the line it starts on (a quoted cell may span lines). */
export interface CsvRecord {
  cells: string[]
  line: number
}

/**
 * What went wrong reading a file, as data for a message in the reader's language (never the parser's
 * English): a quote opened and never closed, or anything else the parser refused, with the line and the
 * 0-based column where it happened.
 */
export interface CsvProblem {
  kind: 'unclosed_quote' | 'unreadable'
  line: number
  column: number
  /** The first record, when it was read: the names of the columns. */
  header?: string[]
}

export type CsvRead =
  | { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] }
  | { ok: false; delimiter: CsvDelimiter; problem: CsvProblem }

const parseOptions = (delimiter: CsvDelimiter) => ({
  bom: true,
  delimiter,
  info: true,
  // A quote inside an unquoted cell (`Pas foto 4"x6"`) is kept as text rather than refused.
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
})

type Parsed = { record: string[]; info: { lines: number } }

/** The line a record starts on: csv-parse counts the line it ends on. */
const startLine = (row: Parsed) =>
  row.info.lines - row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)

/**
 * Reads CSV text as a spreadsheet saves it: comma, semicolon or tab separated (detected), with or without a
 * UTF-8 byte order mark, CRLF or LF line ends (read as LF, in cells too); empty lines skipped. The parser is
 * loaded on first use: only the catalog import reads CSV, and the staff function need not load it at init.
 */
export const readCsv = async (csv: string): Promise<CsvRead> => {
  const { CsvError, parse } = await import('csv-parse/sync')
  // Line ends as LF, so that every line counts once, inside quoted cells too.
  const text = csv.replace(/\r\n?/g, '\n')
  const delimiter = detectDelimiter(text)
  try {
    const rows = parse(text, parseOptions(delimiter)) as unknown as Parsed[]
    return { ok: true, delimiter, records: rows.map((row) => ({ cells: row.record, line: startLine(row) })) }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const e = error as InstanceType<typeof CsvError> & { records?: number; lines?: number; index?: number }
    // The record that failed starts on the line after the last complete one.
    const done = e.records
      ? (parse(text, { ...parseOptions(delimiter), to: e.records }) as unknown as Parsed[])
      : []
    const last = done.at(-1)
    return {
      ok: false,
      delimiter,
      problem: {
        kind: e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed_quote' : 'unreadable',
        line: last ? last.info.lines + 1 : 1,
        column: Number(e.index ?? 0),
        header: done[0]?.record,
      },
    }
  }
}

/** Windows-1252's characters at 0x80-0x9F (where ISO-8859-1 has control codes); 0 where it has none. */
const cp1252High = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
]

/**
 * A file's bytes as text: UTF-8 when they are valid UTF-8 (with or without a byte order mark), else
 * Windows-1252, what Excel's plain "CSV" saves on a Windows in Indonesia. (Node's own `windows-1252`
 * decoder is ISO-8859-1, so the 32 characters where they differ are mapped here.)
 */
export const decodeCsv = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return Array.from(bytes, (b) =>
      String.fromCharCode(b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] || b : b),
    ).join('')
  }
}
