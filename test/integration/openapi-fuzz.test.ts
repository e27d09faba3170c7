import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createTestApp,
  loginCookie,
  platformHost,
  type TestApp,
  tenants,
  testPassword,
} from '../support/test-app'

/**
 * Requests generated from the served OpenAPI document, for every operation: valid and invalid parameters and
 * bodies, on the operation's host and on others, with and without the session it needs. Whatever comes, the
 * API answers no 5xx, only statuses the document lists, the error shape on every 4xx, and 2xx bodies that
 * match the documented schema. `FUZZ_SEED` replays a run; `FUZZ_RUNS` sends more requests per operation.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_124)
const runsPerOperation = Number(process.env.FUZZ_RUNS ?? 50)
const concurrency = 4

type Schema = Record<string, unknown> & {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  enum?: unknown[]
  const?: unknown
}
interface Operation {
  operationId: string
  method: string
  path: string
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema }[]
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>
  security?: Record<string, string[]>[]
  servers?: { url: string }[]
}
interface Generated {
  method?: string
  host: string
  path: string
  query: [string, string][]
  headers: Record<string, string>
  role?: string
  body?: { type: string; text: string }
}

const llg = tenants.lubuklinggau.host
const unknownHost = 'tidakada.localhost'
const accounts = {
  admin: { email: 'admin@lubuklinggau.test', host: llg },
  officer: { email: 'petugas@lubuklinggau.test', host: llg },
  ministry: { email: 'kementerian@panrb.test', host: platformHost },
} as const
type Role = keyof typeof accounts

let t: TestApp
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }
const cookies: Partial<Record<Role, string>> = {}

/** Values the API has answered with, by property name: real ids, keys and codes to aim requests at. */
const known = new Map<string, Set<string>>([['password', new Set([testPassword])]])
const remember = (name: string, value: string) => {
  if (!known.has(name)) known.set(name, new Set())
  known.get(name)?.add(value)
}
/** Secret links handed out (`/tiket/{key}/{secret}`), whose parts only open anything together. */
const links = { tickets: new Set<string>(), appointments: new Set<string>() }
const linkedPath = (path: string, pick: number) => {
  const [prefix, kind] = path.startsWith('/api/tickets/{key}/{secret}')
    ? ['/api/tickets/{key}/{secret}', 'tickets' as const]
    : path.startsWith('/api/appointments/{date}/{code}/{secret}')
      ? ['/api/appointments/{date}/{code}/{secret}', 'appointments' as const]
      : []
  const known = kind ? [...links[kind]] : []
  if (!prefix || !kind || !known.length) return undefined
  return path.replace(prefix, `/api/${kind}/${known[pick % known.length]}`)
}

/** Walks a 2xx body; an `id` inside `counters` is also a `counterId`, a link's parts are what they name. */
const harvest = (value: unknown, name = '', entity = '') => {
  if (typeof value === 'string' && value.length <= 200) {
    remember(name, value)
    if (name === 'id' && entity) remember(`${entity}Id`, value)
    const ticket = value.match(/\/tiket\/([^/]+\/[^/]+)$/)
    if (ticket) links.tickets.add(ticket[1] as string)
    const booking = value.match(/\/janji\/([^/]+\/[^/]+\/[^/]+)$/)
    if (booking) links.appointments.add(booking[1] as string)
  } else if (Array.isArray(value)) {
    const singular = name.replace(/ies$/, 'y').replace(/s$/, '')
    for (const item of value) harvest(item, singular, singular)
  } else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) harvest(inner, key, entity)
}
const knownFor = (name: string): string[] => {
  const names = [name, `${name}s`]
  if (name === 'key') names.push('ticketKey')
  if (name === 'id') names.push('tenantId', 'applicationId', 'regencyCode')
  if (name === 'token') names.push('inviteToken')
  return names.flatMap((n) => [...(known.get(n) ?? [])])
}

const resolve = (schema: Schema): Schema => {
  if (!schema.$ref) return schema
  const name = schema.$ref.replace('#/components/schemas/', '')
  return doc.components.schemas[name] ?? {}
}

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom('2026-02-30', '2026-13-01', '99:99', '24:60', ' ', '../x', '%00', 'x'.repeat(600)),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
)

const stringFor = (schema: Schema, name: string): fc.Arbitrary<string> => {
  const min = (schema.minLength as number | undefined) ?? 0
  const maxLength = (schema.maxLength as number | undefined) ?? 1e9
  const max = Math.min(maxLength, min + 40)
  // As ajv reads a pattern: with the `u` flag (a pattern invalid so fails the test here).
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined
  const fits = (s: string) => s.length >= min && s.length <= maxLength && (!pattern || pattern.test(s))
  const day = fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  let base: fc.Arbitrary<string> = fc.string({ minLength: min, maxLength: max })
  if (schema.format === 'date') base = day.map((d) => d.toISOString().slice(0, 10))
  else if (schema.format === 'date-time') base = day.map((d) => d.toISOString())
  else if (schema.format === 'uuid') base = fc.uuid()
  else if (schema.format === 'uri') base = fc.webUrl()
  else if (pattern) {
    try {
      base = fc.stringMatching(pattern).filter(fits)
    } catch {
      // A pattern fast-check cannot generate from: arbitrary strings test it instead.
    }
  } else if (schema.format === 'email') base = fc.emailAddress()
  // Known values that fit the schema: real ids, keys, codes and emails, so that requests reach past 404.
  const pool = fc.tuple(fc.nat(), base).map(([i, fallback]) => {
    const values = knownFor(name).filter(fits)
    return values.length ? (values[i % values.length] as string) : fallback
  })
  return fc.oneof({ weight: 3, arbitrary: pool }, { weight: 2, arbitrary: base })
}

/** Values a schema accepts; with `noise`, one in five leaves is anything at all. */
const arbitraryFor = (raw: Schema, name: string, noise: boolean, depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(raw)
  const exact = (() => {
    if (schema.const !== undefined) return fc.constant(schema.const)
    if (schema.enum) return fc.constantFrom(...schema.enum)
    const choices = schema.anyOf ?? schema.oneOf
    if (choices) return fc.oneof(...choices.map((s) => arbitraryFor(s, name, noise, depth + 1)))
    if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], name, noise, depth + 1)
    const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat()
    return fc.oneof(
      ...types.map((type): fc.Arbitrary<unknown> => {
        switch (type) {
          case 'null':
            return fc.constant(null)
          case 'boolean':
            return fc.boolean()
          case 'integer':
          case 'number': {
            const min = (schema.minimum as number | undefined) ?? -5
            const max = (schema.maximum as number | undefined) ?? Math.max(min, 0) + 1000
            return type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true })
          }
          case 'array': {
            if (depth > 4) return fc.constant([])
            const minItems = (schema.minItems as number | undefined) ?? 0
            return fc.array(arbitraryFor(schema.items ?? {}, name, noise, depth + 1), {
              minLength: minItems,
              maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, minItems + 3),
            })
          }
          case 'object': {
            if (depth > 5) return fc.constant({})
            const properties = schema.properties ?? {}
            const record = fc.record(
              Object.fromEntries(
                Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, key, noise, depth + 1)]),
              ),
              { requiredKeys: schema.required ?? [] },
            )
            return noise
              ? fc.tuple(record, fc.boolean()).map(([r, extra]) => (extra ? { ...r, unexpected: 1 } : r))
              : record
          }
          default:
            return stringFor(schema, name)
        }
      }),
    )
  })()
  return noise ? fc.oneof({ weight: 4, arbitrary: exact }, { weight: 1, arbitrary: junk }) : exact
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/** Requests for one operation: mostly well-formed, some with noise, a few on another host or without a session. */
const requestsFor = (op: Operation): fc.Arbitrary<Generated> => {
  const tenantOnly = op.servers?.every((s) => s.url.includes('{tenant}'))
  const platformOnly = op.servers?.every((s) => !s.url.includes('{tenant}'))
  const home = tenantOnly ? [llg] : platformOnly ? [platformHost] : [llg, platformHost]
  const host = fc.oneof(
    { weight: 18, arbitrary: fc.constantFrom(...home) },
    { weight: 1, arbitrary: fc.constantFrom(tenantOnly ? platformHost : llg, tenants.palembang.host) },
    { weight: 1, arbitrary: fc.constant(unknownHost) },
  )
  const roles = (op.security ?? []).flatMap((s) => Object.values(s).flat()) as Role[]
  // `{}` among the requirements: the session is optional (staff at a kiosk), so half go without one.
  const optional = (op.security ?? []).some((s) => Object.keys(s).length === 0)
  const role = optional
    ? fc.constantFrom<Role | undefined>(undefined, ...roles)
    : roles.length
      ? fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...roles) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<Role | undefined>(undefined, 'admin', 'officer', 'ministry'),
          },
        )
      : fc.constant(undefined)
  const params = op.parameters ?? []
  const one = (noise: boolean) =>
    fc.record({
      host,
      role,
      values: fc.tuple(
        ...params.map((p) =>
          p.required
            ? arbitraryFor(p.schema, p.name, noise)
            : fc.option(arbitraryFor(p.schema, p.name, noise), { nil: undefined, freq: 2 }),
        ),
      ),
      body: (() => {
        const content = op.requestBody?.content ?? {}
        const bodies = Object.entries(content).map(([type, { schema }]) =>
          (type.includes('json') ? arbitraryFor(schema, '', noise) : fc.string({ maxLength: 200 })).map(
            (value) => ({ type, text: asText(value) }),
          ),
        )
        return bodies.length ? fc.oneof(...bodies) : fc.constant(undefined)
      })(),
      crossOrigin: fc.boolean().map((b) => b && noise),
      link: fc.option(fc.nat(), { freq: 2, nil: undefined }),
    })
  return fc.oneof({ weight: 3, arbitrary: one(false) }, { weight: 1, arbitrary: one(true) }).map((g) => {
    let path = op.path
    const query: [string, string][] = []
    const headers: Record<string, string> = {}
    params.forEach((p, i) => {
      const value = g.values[i]
      if (value === undefined && p.in !== 'path') return
      const text = asText(value ?? '')
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(text))
      else if (p.in === 'query') query.push([p.name, text])
      else if (p.in === 'header') headers[p.name] = text.replace(/[^\x20-\x7e]/g, '')
    })
    // Half the time, a secret link the API handed out, whole.
    if (g.link !== undefined) path = linkedPath(op.path, g.link) ?? path
    if (op.method !== 'GET') headers.origin = g.crossOrigin ? 'https://lain.example' : `http://${g.host}`
    return { host: g.host, path, query, headers, role: g.role, body: g.body }
  })
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
const validators = new Map<string, ReturnType<typeof ajv.compile>>()
const validatorFor = (key: string, schema: Schema) => {
  let validate = validators.get(key)
  if (!validate) {
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', 'doc#/$defs/'))
    validate = ajv.compile(rewritten)
    validators.set(key, validate)
  }
  return validate
}

/** What is wrong with one answer, or nothing. */
const problemsOf = async (op: Operation, res: Response): Promise<string[]> => {
  const problems: string[] = []
  const status = String(res.status)
  const documented = op.responses[status]
  if (res.status >= 500) problems.push(`answered ${status}`)
  if (!documented) problems.push(`answered ${status}, which the document does not list`)
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  if (res.status >= 400 && res.status < 500) {
    if (!type.includes('application/json')) return [...problems, `a ${status} of type ${type}`]
    const body = JSON.parse(text) as { error?: Record<string, unknown> }
    const error = body.error
    const shaped =
      Object.keys(body).length === 1 &&
      error &&
      typeof error.code === 'string' &&
      typeof error.message === 'string' &&
      Object.keys(error).every((k) => ['code', 'message', 'details'].includes(k))
    if (!shaped) problems.push(`a ${status} not in the error shape: ${text.slice(0, 200)}`)
  }
  if (res.status >= 200 && res.status < 300 && documented?.content && text) {
    const json = documented.content['application/json']
    if (json && type.includes('application/json')) {
      const body = JSON.parse(text)
      harvest(body)
      const validate = validatorFor(`${op.operationId} ${status}`, json.schema)
      if (!validate(body))
        problems.push(`a ${status} body off its schema: ${ajv.errorsText(validate.errors).slice(0, 300)}`)
    } else if (!Object.keys(documented.content).some((t) => type.startsWith(t)))
      problems.push(`a ${status} of type ${type}, documented ${Object.keys(documented.content)}`)
  }
  return problems
}

const send = (g: Generated) => {
  const query = g.query.length ? `?${new URLSearchParams(g.query)}` : ''
  const cookie = g.role && accounts[g.role as Role].host === g.host ? cookies[g.role as Role] : undefined
  const headers = { ...g.headers, ...(cookie ? { cookie } : {}) }
  return t.request(g.host, `${g.path}${query}`, {
    method: g.method,
    headers: g.body ? { ...headers, 'content-type': g.body.type } : headers,
    body: g.body?.text,
  } as RequestInit)
}

/**
 * Reads before writes (a read behind a secret link after the write that makes one), and last what takes the
 * demo's accounts or tenants out of service.
 */
const disruptive = /^(setStaff|setMinistryAccount|suspend|close|reject|withdraw|delete|inaugurate)/
const orderOf = (op: Operation) =>
  disruptive.test(op.operationId) ? 3 : op.method !== 'GET' ? 1 : op.path.includes('{secret}') ? 2 : 0

beforeAll(async () => {
  t = await createTestApp()
  doc = await (await t.request(platformHost, '/api/openapi.json')).json()
  const schemas = JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')
  ajv.addSchema({ $id: 'doc', $defs: JSON.parse(schemas) })
  for (const [role, { email, host }] of Object.entries(accounts))
    cookies[role as Role] = await loginCookie(t, host, email)
})

describe('the OpenAPI document', () => {
  // What `npx @redocly/cli lint` checks first (README "API"), kept here so that a new route cannot undo it.
  it('has servers, tags with descriptions, and on every operation a security requirement and a description', () => {
    const full = doc as typeof doc & {
      servers?: unknown[]
      tags?: { name: string; description?: string }[]
      components: { securitySchemes?: Record<string, { type: string; in?: string }> }
    }
    expect(full.servers?.length).toBeGreaterThan(0)
    expect(full.components.securitySchemes?.session).toMatchObject({ type: 'apiKey', in: 'cookie' })
    const tagged = new Map((full.tags ?? []).map((tag) => [tag.name, tag.description]))
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`
        expect(op.security, where).toBeDefined()
        expect((op as { description?: string }).description, where).toBeTruthy()
        for (const tag of (op as { tags?: string[] }).tags ?? [])
          expect(tagged.get(tag), `${where} tag ${tag}`).toBeTruthy()
      }
  })

  it('has patterns that JSON Schema reads as the code does: no regex flags, every one compiles', () => {
    const patterns = [...JSON.stringify(doc).matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)]
    expect(patterns.length).toBeGreaterThan(10)
    for (const [, quoted] of patterns) {
      const pattern = JSON.parse(quoted as string) as string
      expect(pattern).not.toMatch(/\/[a-z]+$/)
      expect(() => new RegExp(pattern, 'u')).not.toThrow()
    }
  })
})

describe('requests generated from the OpenAPI document', () => {
  it(`every operation, ${runsPerOperation} requests each (seed ${seed})`, { timeout: 600_000 }, async () => {
    console.info(
      `openapi-fuzz: seed ${seed}, ${runsPerOperation} requests per operation (FUZZ_SEED to replay)`,
    )
    const operations = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ ...op, path, method: method.toUpperCase() })),
      )
      .sort((a, b) => orderOf(a) - orderOf(b))
    expect(operations.length).toBeGreaterThan(80)
    const problems: string[] = []
    const statuses = new Map<string, Map<number, number>>()
    let sent = 0
    let sampling = 0
    for (const [index, op] of operations.entries()) {
      const t0 = performance.now()
      const requests = fc.sample(requestsFor(op), { seed: seed + index, numRuns: runsPerOperation })
      sampling += performance.now() - t0
      // A few at a time, as clients would: the app's work overlaps DynamoDB Local's.
      for (let i = 0; i < requests.length; i += concurrency) {
        await Promise.all(
          requests.slice(i, i + concurrency).map(async (g) => {
            const res = await send({ ...g, method: op.method })
            sent += 1
            const seen = statuses.get(op.operationId) ?? new Map<number, number>()
            seen.set(res.status, (seen.get(res.status) ?? 0) + 1)
            statuses.set(op.operationId, seen)
            for (const problem of await problemsOf(op, res))
              problems.push(
                `${op.operationId} ${op.method} ${g.host}${g.path} ${g.body?.text.slice(0, 120) ?? ''}: ${problem}`,
              )
          }),
        )
      }
    }
    const never2xx = [...statuses].filter(([, seen]) => ![...seen.keys()].some((s) => s < 300))
    console.info(
      `openapi-fuzz: ${sent} requests to ${operations.length} operations (generated in ${Math.round(sampling)} ms), ` +
        `${links.tickets.size} ticket and ${links.appointments.size} appointment links; ` +
        `no 2xx from ${never2xx.length}: ` +
        never2xx.map(([id, seen]) => `${id} ${JSON.stringify(Object.fromEntries(seen))}`).join(', '),
    )
    expect([...new Set(problems)]).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(operations.length * 50)
  })
})
