import type { ServiceRequest } from '@mpp/core/service-request'
import type { Db } from '@mpp/db/client'
import {
  agencyServiceRequests,
  citizenServiceRequests,
  forgetKeptDocument,
  getServiceRequest,
  keepDocumentPut,
  keptDocuments,
  saveServiceRequest,
  startServiceRequest,
} from '@mpp/db/service-request-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../support/test-db'

const llg = '16.73'
const plg = '16.71'
const at = '2026-11-23T03:00:00.000Z'
const later = '2026-11-23T04:00:00.000Z'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})

const draft = (code: string, over: Partial<ServiceRequest> = {}): ServiceRequest => ({
  code,
  status: 'draft',
  serviceId: 'dpmptsp-siup',
  serviceName: 'Izin Usaha',
  agencyId: 'dpmptsp',
  citizen: 'warga@example.id',
  answers: {},
  documents: [],
  startedAt: at,
  updatedAt: at,
  steps: [{ at, action: 'start', status: 'draft', by: 'citizen' }],
  version: 1,
  ...over,
})

const submitted = (r: ServiceRequest): ServiceRequest => ({
  ...r,
  status: 'submitted',
  submittedAt: later,
  updatedAt: later,
  steps: [...r.steps, { at: later, action: 'submit', status: 'submitted', by: 'citizen' }],
  version: r.version + 1,
})

describe('service requests in the table', () => {
  it('a second start of the same service by the same citizen finds the first draft', async () => {
    expect(await startServiceRequest(db, llg, draft('AAAAAAAAA2'))).toEqual({ kind: 'started' })
    expect(await startServiceRequest(db, llg, draft('AAAAAAAAA3'))).toEqual({
      kind: 'draft_exists',
      code: 'AAAAAAAAA2',
    })
    expect(await getServiceRequest(db, llg, 'AAAAAAAAA3')).toBeUndefined()
    // Another tenant, another citizen or another service is another draft.
    expect(await startServiceRequest(db, plg, draft('AAAAAAAAA4'))).toEqual({ kind: 'started' })
    expect(await startServiceRequest(db, llg, draft('AAAAAAAAA5', { citizen: 'lain@example.id' }))).toEqual({
      kind: 'started',
    })
  })

  it('drafts stay out of the agency list; a submission enters it and frees the draft claim', async () => {
    const first = (await getServiceRequest(db, llg, 'AAAAAAAAA2')) as ServiceRequest
    expect(await agencyServiceRequests(db, llg, 'dpmptsp', true)).toEqual([])
    expect(await saveServiceRequest(db, llg, submitted(first))).toBe(true)
    expect((await agencyServiceRequests(db, llg, 'dpmptsp', true)).map((r) => r.code)).toEqual(['AAAAAAAAA2'])
    expect(await agencyServiceRequests(db, plg, 'dpmptsp', true)).toEqual([])
    expect(await agencyServiceRequests(db, llg, 'dinkes', true)).toEqual([])
    // The same service can be started again now.
    expect(await startServiceRequest(db, llg, draft('AAAAAAAAA6'))).toEqual({ kind: 'started' })
  })

  it('a save based on a stale version changes nothing', async () => {
    const read = (await getServiceRequest(db, llg, 'AAAAAAAAA2')) as ServiceRequest
    const step = (status: ServiceRequest['status']) => ({
      at: later,
      action: 'reject' as const,
      status,
      by: 'officer',
    })
    const done = {
      ...read,
      status: 'rejected' as const,
      steps: [...read.steps, step('rejected')],
      version: read.version + 1,
    }
    expect(await saveServiceRequest(db, llg, done)).toBe(true)
    expect(
      await saveServiceRequest(db, llg, {
        ...read,
        status: 'in_process',
        steps: [...read.steps, step('in_process')],
        version: read.version + 1,
      }),
    ).toBe(false)
    expect((await getServiceRequest(db, llg, 'AAAAAAAAA2'))?.status).toBe('rejected')
    expect(await agencyServiceRequests(db, llg, 'dpmptsp', true)).toEqual([])
    expect((await agencyServiceRequests(db, llg, 'dpmptsp', false)).map((r) => r.code)).toEqual([
      'AAAAAAAAA2',
    ])
  })

  it("the citizen's list holds their own requests with each one's status, no one else's", async () => {
    const lines = await citizenServiceRequests(db, llg, 'warga@example.id')
    expect(lines.map((l) => [l.code, l.status]).sort()).toEqual([
      ['AAAAAAAAA2', 'rejected'],
      ['AAAAAAAAA6', 'draft'],
    ])
    expect((await citizenServiceRequests(db, llg, 'lain@example.id')).map((l) => l.code)).toEqual([
      'AAAAAAAAA5',
    ])
    expect((await citizenServiceRequests(db, plg, 'warga@example.id')).map((l) => l.code)).toEqual([
      'AAAAAAAAA4',
    ])
  })

  it('kept documents are per citizen and kind, replaced by the newest, and forgotten with what they held', async () => {
    const file = (key: string) => ({ key, contentType: 'image/png' as const, bytes: 10, name: 'ktp.png' })
    const r = (await getServiceRequest(db, llg, 'AAAAAAAAA6')) as ServiceRequest
    const keep = (key: string) =>
      keepDocumentPut(db, llg, 'warga@example.id', { kindId: 'ktp', file: file(key), keptAt: at })
    expect(await saveServiceRequest(db, llg, { ...r, version: r.version + 1 }, [keep('a')])).toBe(true)
    expect(await saveServiceRequest(db, llg, { ...r, version: r.version + 2 }, [keep('b')])).toBe(true)
    expect((await keptDocuments(db, llg, 'warga@example.id')).map((d) => d.file.key)).toEqual(['b'])
    expect(await keptDocuments(db, llg, 'lain@example.id')).toEqual([])
    expect(await keptDocuments(db, plg, 'warga@example.id')).toEqual([])
    expect((await forgetKeptDocument(db, llg, 'warga@example.id', 'ktp'))?.file.key).toBe('b')
    expect(await forgetKeptDocument(db, llg, 'warga@example.id', 'ktp')).toBeUndefined()
    expect(await keptDocuments(db, llg, 'warga@example.id')).toEqual([])
  })
})
