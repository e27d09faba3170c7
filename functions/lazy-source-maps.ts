import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * Stack traces in file:line of the sources, at no cost until one is formatted. `--enable-source-maps` reads and
 * decodes every bundle's map at import, before the first request (about as long as the rest of the import on
 * this machine, `npm run bench -- cold`); here a chunk's map is read the first time a stack passes through it.
 * Import it first in every function's entry.
 */
const maps = new Map<string, SourceMap | undefined>()

const mapOf = (file: string): SourceMap | undefined => {
  if (!maps.has(file)) {
    let map: SourceMap | undefined
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
    } catch {
      map = undefined
    }
    maps.set(file, map)
  }
  return maps.get(file)
}

const frameText = (frame: NodeJS.CallSite): string => {
  const name = frame.getFileName()
  const line = frame.getLineNumber()
  const column = frame.getColumnNumber()
  if (!name?.endsWith('.mjs') || line === null || column === null) return `${frame}`
  const map = mapOf(name.startsWith('file:') ? fileURLToPath(name) : name)
  const entry = map?.findEntry(line - 1, column - 1)
  if (!entry || !('originalSource' in entry)) return `${frame}`
  const at = `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  const fn = frame.getFunctionName()
  return fn ? `${fn} (${at})` : at
}

Error.prepareStackTrace = (error, frames) => {
  const lines = frames.map((frame) => {
    try {
      return `    at ${frameText(frame)}`
    } catch {
      return `    at ${frame}`
    }
  })
  return [String(error), ...lines].join('\n')
}
