import { ruleOfIssue, wordDetails, wordIssue } from '@mpp/api/issue-messages'
import { fieldIssues } from '@mpp/api/validation'
import { applicationInput } from '@mpp/core/application'
import { complaintInput } from '@mpp/core/complaint'
import { issueRules } from '@mpp/core/issue-rules'
import { mobileVisitInput } from '@mpp/core/mobile-visit'
import { counter, queue } from '@mpp/core/queue'
import { en } from '@mpp/web/i18n/en'
import { id } from '@mpp/web/i18n/id'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

/** Validator wording that must never reach a person. */
const internals = [
  /\/\^/,
  />=|<=/,
  /String/,
  /Input tidak valid/i,
  /Invalid/,
  /expected/i,
  /diharapkan/,
  /regex/i,
]

const worded = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input)
  if (result.success) throw new Error('expected a refusal')
  return {
    id: fieldIssues(result.error, id, input),
    en: fieldIssues(result.error, en, input),
  }
}

const messageAt = (issues: { path: string; message: string }[], path: string) =>
  issues.find((i) => i.path === path)?.message

describe('the one mapping from validation issues to messages', () => {
  it('words each kind of issue in Indonesian and English from the catalogs', () => {
    const schema = z.object({
      name: z.string().trim().min(3).max(300),
      about: z.string().max(300),
      count: z.number().int().min(1).max(50),
      ratio: z.number(),
      email: z.email(),
      link: z.url(),
      day: z.iso.date(),
      kind: z.enum(['a', 'b']),
      agree: z.literal(true),
      picks: z.array(z.string()).min(1),
      lines: z.array(z.string()).max(2),
    })
    const { id: idIssues, en: enIssues } = worded(schema, {
      name: '',
      about: 'x'.repeat(301),
      count: 1.5,
      ratio: 'many',
      email: 'nobody',
      link: 'not a link',
      day: '2026-02-30',
      kind: 'c',
      agree: false,
      picks: [],
      lines: ['1', '2', '3'],
    })
    expect(Object.fromEntries(idIssues.map((i) => [i.path, i.message]))).toEqual({
      name: id.issues.required,
      about: id.issues.maxLength(300),
      count: id.issues.wholeNumber,
      ratio: id.issues.number,
      email: id.issues.email,
      link: id.issues.url,
      day: id.issues.realDate,
      kind: id.issues.chooseOption,
      agree: id.issues.mustTick,
      picks: id.issues.chooseAtLeast(1),
      lines: id.issues.atMostItems(2),
    })
    expect(messageAt(idIssues, 'about')).toBe('Paling banyak 300 karakter')
    expect(messageAt(enIssues, 'about')).toBe('At most 300 characters')
    expect(messageAt(enIssues, 'name')).toBe('Required')
    expect(messageAt(enIssues, 'day')).toBe('This date does not exist')
  })

  it('tells a missing field from a short one and bounds of numbers from lengths', () => {
    const schema = z.object({ name: z.string().min(3), size: z.number().min(2).max(9), note: z.string() })
    const { id: issues } = worded(schema, { name: 'ab', size: 10 })
    expect(messageAt(issues, 'name')).toBe(id.issues.minLength(3))
    expect(messageAt(issues, 'size')).toBe(id.issues.maxNumber(9))
    expect(messageAt(issues, 'note')).toBe(id.issues.required)
    expect(messageAt(worded(schema, { name: 'abc', size: 1, note: '' }).id, 'size')).toBe(
      id.issues.minNumber(2),
    )
  })

  it('words the rules the core schemas name (subdomain, queue letter, times, phone, complaint contact)', () => {
    const signup = worded(applicationInput, {
      regencyCode: '16.73',
      subdomain: 'Kota Baru!',
      applicant: { name: 'Budi', position: 'Kepala', email: 'budi@example.go.id', phone: '12345678' },
      plannedAgencies: 'x'.repeat(30),
      plannedServices: 'x'.repeat(30),
      urgencyStudy: 'x'.repeat(300),
      commitment: true,
    }).id
    expect(messageAt(signup, 'subdomain')).toBe(id.issues.slug)
    expect(messageAt(worded(queue, { id: 'a', prefix: 'a1', name: 'A', serviceIds: [] }).id, 'prefix')).toBe(
      id.issues.queuePrefix,
    )
    const visit = worded(mobileVisitInput, {
      date: '2026-02-30',
      start: '25:00',
      end: '08:00',
      place: 'Balai desa',
      serviceIds: ['ktp'],
    }).en
    expect(messageAt(visit, 'date')).toBe(en.issues.realDate)
    expect(messageAt(visit, 'start')).toBe(en.issues.time)
    const complaint = worded(complaintInput, {
      category: 'service',
      text: 'x'.repeat(30),
      contact: { phone: '123' },
    }).id
    expect(messageAt(complaint, 'contact.name')).toBe(id.issues.nameUnlessAnonymous)
    expect(messageAt(complaint, 'contact.phone')).toBe(id.issues.phone)
    expect(messageAt(worded(counter, { id: 'k1', number: 0, queueIds: [] }).id, 'number')).toBe(
      id.issues.minNumber(1),
    )
  })

  it('has words for every rule a core schema names, in both languages and different', () => {
    for (const rule of issueRules) {
      expect(typeof id.issues[rule]).toBe('string')
      expect(en.issues[rule]).not.toBe(id.issues[rule])
    }
  })

  it('never repeats the rejected input nor the validator’s own words', () => {
    const typed = 'ZZ-<script>-2026-13-45'
    const schema = z.object({
      a: z.string().regex(/^[a-z]+$/),
      b: z.string().max(3),
      c: z.iso.date(),
      d: z.email(),
      e: z.enum(['x']),
      f: z.string().refine(() => false, 'some internal reason'),
    })
    const input = { a: typed, b: typed, c: typed, d: typed, e: typed, f: typed, extra: typed }
    for (const m of [id, en]) {
      const issues = fieldIssues(z.strictObject(schema.shape).safeParse(input).error as never, m, input)
      expect(issues.length).toBeGreaterThanOrEqual(6)
      for (const { message } of issues) {
        expect(message).not.toContain(typed)
        expect(message).not.toContain('some internal reason')
        for (const pattern of internals) expect(message).not.toMatch(pattern)
      }
    }
  })

  it('words rule issues from hand-made checks when an error is answered, and leaves other details alone', () => {
    const details = [
      { path: 'to', word: 'notBeforeStart' },
      { path: 'from', word: 'maxMonths', limit: 12 },
      'x',
    ]
    expect(wordDetails(details, id)).toEqual([
      { path: 'to', message: id.issues.notBeforeStart },
      { path: 'from', message: 'Periode paling lama 12 bulan' },
      'x',
    ])
    expect(wordDetails({ field: 'prefix' }, en)).toEqual({ field: 'prefix' })
    expect(wordIssue(ruleOfIssue({ code: 'custom', path: ['x'], message: 'slug', input: '' }), en)).toEqual({
      path: 'x',
      message: en.issues.slug,
    })
  })
})
