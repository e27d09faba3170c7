import type { ServiceOnlineForm } from '@mpp/core/service-online-form'
import {
  answersSchemaOf,
  canDo,
  citizenCanEdit,
  deadlineEventsOf,
  missingDocuments,
  publicViewOf,
  type ServiceRequest,
  type ServiceRequestStep,
} from '@mpp/core/service-request'
import { serviceRequestDeadline } from '@mpp/core/service-request-deadline'
import { describe, expect, it } from 'vitest'

const form: Pick<ServiceOnlineForm, 'fields' | 'documents'> = {
  fields: [
    { id: 'nik', type: 'nik', label: { id: 'NIK', en: 'NIK' }, required: true },
    { id: 'luas', type: 'number', label: { id: 'Luas', en: 'Area' }, required: false },
    { id: 'lahir', type: 'date', label: { id: 'Lahir', en: 'Born' }, required: true },
    {
      id: 'jenis',
      type: 'choice',
      label: { id: 'Jenis', en: 'Kind' },
      required: true,
      options: [
        { id: 'Baru', en: 'New' },
        { id: 'Perpanjangan', en: 'Renewal' },
      ],
    },
  ],
  documents: [{ kindId: 'ktp' }, { kindId: 'kk' }, { kindId: 'pas-foto' }],
}

const paths = (answers: Record<string, string>) => {
  const parsed = answersSchemaOf(form).safeParse(answers)
  // A core rule's name, else zod's code: the API words either for the reader.
  const why = (i: { code: string; message: string }) =>
    /^[a-z][A-Za-z]+$/.test(i.message) ? i.message : i.code
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${why(i)}`)
}

describe("a service request's answers", () => {
  const good = { nik: '1673014507900001', lahir: '1990-07-05', jenis: 'Baru' }

  it('are accepted when every required field holds a real value, optional ones blank', () => {
    expect(paths(good)).toEqual([])
    expect(paths({ ...good, luas: '' })).toEqual([])
    expect(paths({ ...good, luas: '12,5' })).toEqual([])
  })

  it('are refused field by field, all at once, each with its own reason', () => {
    const issues = paths({ nik: '1673003207900001', lahir: '1990-02-30', jenis: 'Lainnya', luas: 'dua' })
    expect(issues).toEqual(
      expect.arrayContaining([
        'nik:nikDistrict',
        'luas:number',
        'lahir:invalid_format',
        'jenis:invalid_value',
      ]),
    )
    expect(issues).toHaveLength(4)
  })

  it('need the required ones', () => {
    expect(
      paths({})
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['jenis', 'lahir', 'nik'])
  })
})

describe('the documents still missing', () => {
  it("are the form's kinds not handed in, in the form's order", () => {
    expect(missingDocuments(form, [{ kindId: 'kk' }])).toEqual(['ktp', 'pas-foto'])
    expect(missingDocuments(form, [{ kindId: 'ktp' }, { kindId: 'kk' }, { kindId: 'pas-foto' }])).toEqual([])
  })
})

describe('the moves of a service request', () => {
  it('follow the statuses', () => {
    expect(canDo('submit', 'draft')).toBe(true)
    expect(canDo('submit', 'submitted')).toBe(false)
    expect(canDo('review', 'submitted')).toBe(true)
    expect(canDo('review', 'needs_fix')).toBe(false)
    expect(canDo('resubmit', 'needs_fix')).toBe(true)
    expect(canDo('ready', 'in_process')).toBe(true)
    expect(canDo('ready', 'submitted')).toBe(false)
    expect(canDo('complete', 'ready')).toBe(true)
    expect(canDo('reject', 'ready')).toBe(false)
    expect(canDo('reject', 'in_process')).toBe(true)
    expect(citizenCanEdit('draft')).toBe(true)
    expect(citizenCanEdit('needs_fix')).toBe(true)
    expect(citizenCanEdit('submitted')).toBe(false)
  })
})

const step = (at: string, action: ServiceRequestStep['action'], status: ServiceRequestStep['status']) => ({
  at: new Date(`${at}+07:00`).toISOString(),
  action,
  status,
  by: 'x',
})

describe("a service request's deadline", () => {
  it('runs from the submission, pauses while a fix is asked, runs at the resubmission, stops when ready', () => {
    const steps = [
      step('2026-11-20T09:00:00', 'start', 'draft'),
      step('2026-11-23T09:00:00', 'submit', 'submitted'), // Monday
      step('2026-11-24T09:00:00', 'review', 'needs_fix'),
      step('2026-11-27T09:00:00', 'resubmit', 'submitted'), // Friday
      step('2026-11-30T09:00:00', 'review', 'in_process'),
      step('2026-12-02T15:00:00', 'ready', 'ready'), // Wednesday
    ]
    expect(deadlineEventsOf(steps).map((e) => e.clock)).toEqual(['run', 'pause', 'run', 'stop'])
    const d = serviceRequestDeadline({
      workingDays: 3,
      events: deadlineEventsOf(steps),
      now: new Date('2026-12-10T00:00:00Z'),
      timeZone: 'Asia/Jakarta',
      holidays: new Set(['2026-12-01']),
    })
    // Counted: Fri 27 (back with the MPP at its end), Mon 30, Wed 2; Tue 1 is a holiday; 24-26 were paused.
    expect(d).toMatchObject({ used: 3, state: 'stopped', overdue: false, dueOn: '2026-12-02' })
  })
})

describe('the public view of a service request', () => {
  it('holds no answers, documents or address', () => {
    const request = {
      code: 'KX7PM2QD9R',
      status: 'submitted',
      serviceId: 'siup',
      serviceName: 'Izin Usaha',
      agencyId: 'dpmptsp',
      citizen: 'warga@example.id',
      answers: { nik: '1673014507900001' },
      documents: [],
      startedAt: '2026-11-20T02:00:00.000Z',
      submittedAt: '2026-11-23T02:00:00.000Z',
      updatedAt: '2026-11-23T02:00:00.000Z',
      steps: [step('2026-11-23T09:00:00', 'submit', 'submitted')],
      version: 2,
    } satisfies ServiceRequest
    const shown = JSON.stringify(publicViewOf(request))
    expect(shown).not.toContain('warga@')
    expect(shown).not.toContain('1673014507900001')
    expect(shown).not.toContain('"by"')
    expect(shown).toContain('Izin Usaha')
  })
})
