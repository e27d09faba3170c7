import { DOMParser, XMLSerializer } from '@xmldom/xmldom'

/**
 * An uploaded SVG logo, parsed as XML and walked node by node against allow-lists (logo-check.ts says why):
 * anything that could run script, load something from elsewhere or expand entities is refused with its
 * reason, and a clean SVG is re-serialised from the checked tree.
 */

export type SvgProblem =
  | { reason: 'malformed'; detail: string }
  | { reason: 'not_svg' }
  | { reason: 'doctype' }
  | { reason: 'processing_instruction'; detail: string }
  | { reason: 'script' }
  | { reason: 'foreign_object' }
  | { reason: 'embedded_document'; detail: string }
  | { reason: 'element'; detail: string }
  | { reason: 'event_handler'; detail: string }
  | { reason: 'external_reference'; detail: string }
  | { reason: 'unsafe_style'; detail: string }
  | { reason: 'too_complex' }

export type SvgCheck = { ok: true; svg: string } | { ok: false; problem: SvgProblem }

const svgNs = 'http://www.w3.org/2000/svg'
const xlinkNs = 'http://www.w3.org/1999/xlink'
const xmlNs = 'http://www.w3.org/XML/1998/namespace'
const xmlnsNs = 'http://www.w3.org/2000/xmlns/'
/** Editors' own data, never rendered: removed with what it holds. */
const editorNs = new Set([
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.inkscape.org/namespaces/inkscape',
])

/** SVG elements that only draw. No script, foreignObject, a, image of other documents, animation or fonts. */
const drawingElements = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'image',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'pattern',
  'marker',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
])
/** Removed with their content: metadata (RDF from editors) is never rendered. */
const droppedElements = new Set(['metadata'])
const embedding = new Set(['iframe', 'embed', 'object', 'frame', 'frameset', 'applet', 'portal'])

/** A reference that stays inside the file: a fragment, or an embedded PNG or JPEG. */
const safeReference = (value: string) =>
  /^#[^\s]*$/.test(value) || /^data:image\/(png|jpeg);base64,[a-z0-9+/=\s]*$/i.test(value)

/** The targets of every `url(...)` in a value, unquoted. */
const urlTargets = (value: string) =>
  [...value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gis)].map((match) => (match[2] ?? '').trim())

/** CSS (a style element or attribute) that can fetch or run nothing. */
const cssProblem = (css: string): string | undefined => {
  if (/\\/.test(css)) return 'escape'
  const banned =
    /@import|expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:|image-set\s*\(|cross-fade\s*\(|element\s*\(|\bimage\s*\(/i.exec(
      css,
    )
  if (banned) return banned[0]
  // A url( that the pattern above could not read (unbalanced) counts as unsafe too.
  const urls = urlTargets(css)
  if ((css.match(/url\s*\(/gi) ?? []).length !== urls.length) return 'url('
  return urls.find((target) => !safeReference(target))
}

const maxNodes = 20_000
const maxDepth = 64

interface Walk {
  nodes: number
}

type XmlNode = {
  nodeType: number
  nodeName: string
  localName?: string | null
  namespaceURI?: string | null
  nodeValue?: string | null
  childNodes: ArrayLike<XmlNode>
  attributes?: ArrayLike<XmlAttr>
  parentNode?: XmlNode | null
  removeChild(node: XmlNode): unknown
  removeAttributeNode?(attr: XmlAttr): unknown
  data?: string
}
type XmlAttr = {
  name: string
  localName: string | null
  namespaceURI: string | null
  value: string
}

const ELEMENT = 1
const TEXT = 3
const CDATA = 4
const PI = 7
const COMMENT = 8
const DOCTYPE = 10

const checkAttributes = (element: XmlNode): SvgProblem | undefined => {
  const attributes = Array.from(element.attributes ?? [])
  for (const attr of attributes) {
    const local = (attr.localName ?? attr.name).toLowerCase()
    const ns = attr.namespaceURI
    if (local.startsWith('on')) return { reason: 'event_handler', detail: attr.name }
    if (ns && editorNs.has(ns)) {
      element.removeAttributeNode?.(attr)
      continue
    }
    if (ns && ns !== xlinkNs && ns !== xmlNs && ns !== xmlnsNs) {
      element.removeAttributeNode?.(attr)
      continue
    }
    const value = attr.value
    if (local === 'href' && !safeReference(value.trim()))
      return { reason: 'external_reference', detail: `${attr.name}="${value.slice(0, 80)}"` }
    if (/javascript:|vbscript:|data:text\/html/i.test(value))
      return { reason: 'external_reference', detail: `${attr.name}="${value.slice(0, 80)}"` }
    if (local === 'style') {
      const problem = cssProblem(value)
      if (problem !== undefined) return { reason: 'unsafe_style', detail: problem.slice(0, 80) }
    } else {
      const unsafe = urlTargets(value).find((target) => !safeReference(target))
      if (unsafe !== undefined)
        return { reason: 'external_reference', detail: `${attr.name}="${value.slice(0, 80)}"` }
    }
  }
  return undefined
}

const checkChildren = (parent: XmlNode, depth: number, walk: Walk): SvgProblem | undefined => {
  if (depth > maxDepth) return { reason: 'too_complex' }
  for (const node of Array.from(parent.childNodes)) {
    walk.nodes += 1
    if (walk.nodes > maxNodes) return { reason: 'too_complex' }
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      if (parent.localName === 'style') {
        const problem = cssProblem(node.nodeValue ?? '')
        if (problem !== undefined) return { reason: 'unsafe_style', detail: problem.slice(0, 80) }
      }
      continue
    }
    if (node.nodeType === COMMENT) {
      parent.removeChild(node)
      continue
    }
    if (node.nodeType === PI) return { reason: 'processing_instruction', detail: node.nodeName }
    if (node.nodeType === DOCTYPE) return { reason: 'doctype' }
    if (node.nodeType !== ELEMENT) return { reason: 'element', detail: node.nodeName }
    const problem = checkElement(node, depth + 1, walk)
    if (problem) return problem
  }
  return undefined
}

const checkElement = (element: XmlNode, depth: number, walk: Walk): SvgProblem | undefined => {
  const ns = element.namespaceURI ?? ''
  const local = element.localName ?? element.nodeName
  const lower = local.toLowerCase()
  if (editorNs.has(ns) || (ns === svgNs && droppedElements.has(local))) {
    element.parentNode?.removeChild(element)
    return undefined
  }
  if (lower === 'script') return { reason: 'script' }
  if (lower === 'foreignobject') return { reason: 'foreign_object' }
  if (embedding.has(lower)) return { reason: 'embedded_document', detail: element.nodeName }
  if (ns !== svgNs || !drawingElements.has(local)) return { reason: 'element', detail: element.nodeName }
  return checkAttributes(element) ?? checkChildren(element, depth, walk)
}

/** Parses, checks and re-serialises an SVG logo. */
export const checkSvg = (text: string): SvgCheck => {
  const source = text.replace(/^\uFEFF/, '')
  // Entities and document types are refused before parsing: nothing gets expanded.
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, problem: { reason: 'doctype' } }
  const errors: string[] = []
  let doc: { documentElement: XmlNode | null; childNodes: ArrayLike<XmlNode>; doctype?: unknown }
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message)
      },
    }).parseFromString(source, 'image/svg+xml') as unknown as typeof doc
  } catch (error) {
    return {
      ok: false,
      problem: { reason: 'malformed', detail: (error instanceof Error ? error.message : '').slice(0, 120) },
    }
  }
  const [firstError] = errors
  if (firstError !== undefined)
    return { ok: false, problem: { reason: 'malformed', detail: firstError.slice(0, 120) } }
  if (doc.doctype) return { ok: false, problem: { reason: 'doctype' } }
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === DOCTYPE) return { ok: false, problem: { reason: 'doctype' } }
    // The XML declaration is the one processing instruction allowed; it is not kept.
    if (node.nodeType === PI && node.nodeName !== 'xml')
      return { ok: false, problem: { reason: 'processing_instruction', detail: node.nodeName } }
  }
  const root = doc.documentElement
  if (!root || root.namespaceURI !== svgNs || root.localName !== 'svg')
    return { ok: false, problem: { reason: 'not_svg' } }
  const problem = checkElement(root, 0, { nodes: 1 })
  if (problem) return { ok: false, problem }
  return { ok: true, svg: new XMLSerializer().serializeToString(root as never) }
}
