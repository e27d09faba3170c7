const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
const csvLine = (cells: string[]) => cells.map(quote).join(',')

/** CSV text (UTF-8 with a byte order mark so spreadsheets read the accents, CRLF as RFC 4180 says). */
export const toCsv = (rows: string[][]) => `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`
