import { callAnnouncement } from '@mpp/core/spoken-number'
import { describe, expect, it } from 'vitest'
import { openWindows } from '../../packages/api/src/pages/board-pages'
import { Announcer, type AnnouncerDeps, gapMs, speechSafetyMs } from '../../web/client/lib/announcer'
import {
  announcementFor,
  type BoardCall,
  type BoardQueue,
  type CallMessage,
  CallTracker,
  parseLabel,
  withCall,
  withQueue,
} from '../../web/client/lib/board-calls'
import { boardWakefulness, closedWithLineRecheckMs, parseOpenWindows } from '../../web/client/lib/board-sleep'
import { clockFormat, dateLocale } from '../../web/client/lib/clock'

const call = (counterNumber: number, callSeq: number, calledAt: string, label = 'A-001'): BoardCall => ({
  counterNumber,
  callSeq,
  calledAt,
  label,
  queueId: 'kependudukan',
  status: 'called',
})

describe('parseLabel and announcementFor', () => {
  it('reads the prefix and number of a printed label', () => {
    expect(parseLabel('A-012')).toEqual({ prefix: 'A', number: 12 })
    expect(parseLabel('AB-1000')).toEqual({ prefix: 'AB', number: 1000 })
    for (const bad of ['', 'A012', 'a-012', 'ABC-001', 'A-', 'A-01x', '-012'])
      expect(parseLabel(bad)).toBeUndefined()
  })

  it("speaks exactly core's callAnnouncement", () => {
    expect(announcementFor({ label: 'A-012', counterNumber: 3 })).toBe(
      'Nomor antrean A nol dua belas, silakan ke loket tiga',
    )
    expect(announcementFor({ label: 'D-105', counterNumber: 12 })).toBe(callAnnouncement('D', 105, 12))
  })

  it('announces nothing for a label or counter it cannot say', () => {
    expect(announcementFor({ label: '???', counterNumber: 1 })).toBeUndefined()
    expect(announcementFor({ label: 'A-001', counterNumber: 1.5 })).toBeUndefined()
  })
})

describe('CallTracker', () => {
  const day = '2026-11-23'
  const t0 = '2026-11-23T03:00:00.000Z'
  const t1 = '2026-11-23T03:01:00.000Z'
  const t2 = '2026-11-23T03:02:00.000Z'
  const t3 = '2026-11-23T03:03:00.000Z'

  it('never reports the calls on the board when it loaded', () => {
    const tracker = new CallTracker(day, [call(1, 4, t0), call(2, 1, t0)])
    expect(tracker.update(day, [call(1, 4, t0), call(2, 1, t0)])).toEqual([])
    // Nor the older calls a resync lists before them.
    expect(tracker.update(day, [call(1, 2, t0), call(1, 3, t0), call(1, 4, t0)])).toEqual([])
  })

  it('reports a counter whose callSeq rose, a recall included, and a counter that starts calling', () => {
    const tracker = new CallTracker(day, [call(1, 4, t0, 'A-001')])
    expect(tracker.update(day, [call(1, 5, t1, 'A-002')]).map((c) => c.label)).toEqual(['A-002'])
    expect(tracker.update(day, [call(1, 5, t1, 'A-002')])).toEqual([])
    // A recall of the same ticket raises the sequence too.
    expect(tracker.update(day, [call(1, 6, t2, 'A-002')]).map((c) => c.callSeq)).toEqual([6])
    expect(
      tracker.update(day, [call(3, 1, t2, 'B-001'), call(1, 6, t2, 'A-002')]).map((c) => c.label),
    ).toEqual(['B-001'])
  })

  it('a start or finish (same callSeq) is not a new call', () => {
    const tracker = new CallTracker(day, [])
    expect(tracker.update(day, [{ ...call(1, 1, t1), status: 'called' }])).toHaveLength(1)
    expect(tracker.update(day, [{ ...call(1, 1, t1), status: 'serving' }])).toEqual([])
    expect(tracker.update(day, [{ ...call(1, 1, t1), status: 'idle' }])).toEqual([])
  })

  it("announces every call a resync's recent calls hold past each cursor, once each, in calledAt order", () => {
    const tracker = new CallTracker(day, [call(1, 2, t0, 'A-002'), call(2, 7, t0, 'B-007')])
    const recent = [
      call(1, 2, t0, 'A-002'),
      call(2, 7, t0, 'B-007'),
      call(1, 3, t1, 'A-003'),
      call(2, 8, t2, 'B-008'),
      call(1, 4, t3, 'A-004'),
    ]
    // Listed in any order: the tracker orders them.
    expect(tracker.update(day, [...recent].reverse()).map((c) => c.label)).toEqual([
      'A-003',
      'B-008',
      'A-004',
    ])
    // A push of one of them after the resync, and the next resync: nothing again.
    expect(tracker.update(day, [call(1, 4, t3, 'A-004')])).toEqual([])
    expect(tracker.update(day, recent)).toEqual([])
  })

  it('orders calls of the same instant by callSeq', () => {
    const tracker = new CallTracker(day, [])
    expect(
      tracker.update(day, [call(1, 2, t1, 'A-002'), call(1, 1, t1, 'A-001')]).map((c) => c.label),
    ).toEqual(['A-001', 'A-002'])
  })

  it('starts every cursor afresh on a new business day, and ignores a late call of the day before', () => {
    const tracker = new CallTracker(day, [call(1, 7, t0)])
    expect(tracker.update(day, [])).toEqual([])
    expect(tracker.update('2026-11-24', [call(1, 1, '2026-11-24T01:00:00.000Z', 'A-001')])).toHaveLength(1)
    expect(tracker.update(day, [call(1, 8, t1)])).toEqual([])
  })
})

describe('withCall and withQueue', () => {
  const day = '2026-11-23'
  const message = (counterNumber: number, callSeq: number, calledAt: string, label: string): CallMessage => ({
    ...call(counterNumber, callSeq, calledAt, label),
    status: 'called',
    type: 'call',
    day,
    counterId: `loket-${counterNumber}`,
  })
  const shown = [
    call(2, 3, '2026-11-23T03:02:00.000Z', 'B-003'),
    call(1, 5, '2026-11-23T03:01:00.000Z', 'A-005'),
  ]

  it("puts the counter's new call on top, newest first", () => {
    const next = withCall(shown, day, day, message(1, 6, '2026-11-23T03:05:00.000Z', 'A-006'))
    expect(next.map((c) => `${c.counterNumber}:${c.label}`)).toEqual(['1:A-006', '2:B-003'])
    const fresh = withCall(next, day, day, message(4, 1, '2026-11-23T03:06:00.000Z', 'C-001'))
    expect(fresh.map((c) => c.counterNumber)).toEqual([4, 1, 2])
  })

  it("takes a start or finish as the call's new status, and never goes back to an older call", () => {
    const started = withCall(shown, day, day, {
      ...message(1, 5, '2026-11-23T03:01:00.000Z', 'A-005'),
      status: 'serving',
    })
    expect(started.find((c) => c.counterNumber === 1)?.status).toBe('serving')
    expect(withCall(shown, day, day, message(1, 4, '2026-11-23T03:00:00.000Z', 'A-004'))).toEqual(shown)
    // A new day's first call replaces yesterday's last however its sequence compares.
    const tomorrow = { ...message(1, 1, '2026-11-24T01:00:00.000Z', 'A-001'), day: '2026-11-24' }
    expect(withCall(shown, tomorrow.day, day, tomorrow)[0]?.label).toBe('A-001')
  })

  it("updates a shown queue's count and next numbers, and ignores a queue the board does not show", () => {
    const queues: BoardQueue[] = [
      { id: 'ktp', prefix: 'A', name: 'KTP', waiting: 2, next: ['A-001', 'A-002'] },
      { id: 'kk', prefix: 'B', name: 'KK', waiting: 0, next: [] },
    ]
    const next = withQueue(queues, { type: 'queue', day, id: 'ktp', waiting: 1, next: ['A-002'] })
    expect(next[0]).toEqual({ id: 'ktp', prefix: 'A', name: 'KTP', waiting: 1, next: ['A-002'] })
    expect(next[1]).toBe(queues[1])
    expect(withQueue(queues, { type: 'queue', day, id: 'other', waiting: 9, next: [] })).toEqual(queues)
  })
})

describe('boardWakefulness', () => {
  const at = (iso: string) => Date.parse(iso)
  // Two days of 08:00-11:30 and 13:00-15:00 WIB.
  const windows = parseOpenWindows(
    JSON.stringify([
      ['2026-11-23T01:00:00.000Z', '2026-11-23T04:30:00.000Z'],
      ['2026-11-23T06:00:00.000Z', '2026-11-23T08:00:00.000Z'],
      ['2026-11-24T01:00:00.000Z', '2026-11-24T08:00:00.000Z'],
    ]),
  )

  it('is awake in an open window until it closes', () => {
    expect(boardWakefulness(at('2026-11-23T02:00:00.000Z'), windows, false)).toEqual({
      awake: true,
      recheckAt: at('2026-11-23T04:30:00.000Z'),
    })
  })

  it('sleeps through a break and the night, waking at the next opening', () => {
    expect(boardWakefulness(at('2026-11-23T05:00:00.000Z'), windows, false)).toEqual({
      awake: false,
      recheckAt: at('2026-11-23T06:00:00.000Z'),
    })
    expect(boardWakefulness(at('2026-11-23T08:00:00.000Z'), windows, false)).toEqual({
      awake: false,
      recheckAt: at('2026-11-24T01:00:00.000Z'),
    })
  })

  it('stays awake after closing while anyone still waits, looking again every few minutes', () => {
    const now = at('2026-11-23T08:10:00.000Z')
    expect(boardWakefulness(now, windows, true)).toEqual({
      awake: true,
      recheckAt: now + closedWithLineRecheckMs,
    })
  })

  it('stays awake when it cannot tell: no windows carried, unreadable, or none ahead', () => {
    expect(boardWakefulness(at('2026-11-23T05:00:00.000Z'), undefined, false)).toEqual({ awake: true })
    expect(parseOpenWindows('not json')).toBeUndefined()
    expect(parseOpenWindows('[["x","y"]]')).toBeUndefined()
    expect(boardWakefulness(at('2026-11-25T05:00:00.000Z'), windows, false)).toEqual({ awake: true })
  })
})

/** A speech engine the test drives by hand: each utterance ends only when the test says so. */
const fakeSound = (options: { voice?: boolean; soundOn?: boolean } = {}) => {
  const log: string[] = []
  const ends: (() => void)[] = []
  let soundOn = options.soundOn ?? true
  const deps: AnnouncerDeps = {
    chime: async () => {
      log.push('chime')
    },
    speak: (text) =>
      new Promise<void>((resolve) => {
        log.push(`speak:${text}`)
        ends.push(() => {
          log.push(`end:${text}`)
          resolve()
        })
      }),
    canSpeak: () => options.voice ?? true,
    soundOn: () => soundOn,
    // Pauses pass at once; the speech safety timeout never fires unless a test says so.
    wait: (ms) => (ms >= speechSafetyMs('') ? new Promise<void>(() => {}) : Promise.resolve()),
  }
  return {
    deps,
    log,
    endCurrent: () => ends.shift()?.(),
    setSound: (on: boolean) => {
      soundOn = on
    },
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Announcer', () => {
  it('plays strictly one after another: the next waits for the end of the one before', async () => {
    const sound = fakeSound()
    const announcer = new Announcer(sound.deps)
    announcer.enqueue('satu')
    announcer.enqueue('dua')
    announcer.enqueue('tiga')
    await settle()
    expect(sound.log).toEqual(['chime', 'speak:satu'])
    expect(announcer.waiting).toBe(2)
    sound.endCurrent()
    await settle()
    expect(sound.log).toEqual(['chime', 'speak:satu', 'end:satu', 'chime', 'speak:dua'])
    sound.endCurrent()
    await settle()
    sound.endCurrent()
    await settle()
    expect(sound.log.filter((e) => e.startsWith('speak:'))).toEqual(['speak:satu', 'speak:dua', 'speak:tiga'])
    expect(announcer.busy).toBe(false)
    expect(announcer.queued).toEqual(['satu', 'dua', 'tiga'])
  })

  it('chimes only when no Indonesian voice exists, and stays silent before sound is turned on', async () => {
    const noVoice = fakeSound({ voice: false })
    const a = new Announcer(noVoice.deps)
    a.enqueue('satu')
    a.enqueue('dua')
    await settle()
    expect(noVoice.log).toEqual(['chime', 'chime'])

    const off = fakeSound({ soundOn: false })
    const queued: string[] = []
    const b = new Announcer({ ...off.deps, onQueued: (text) => queued.push(text) })
    b.enqueue('satu')
    await settle()
    expect(off.log).toEqual([])
    expect(queued).toEqual(['satu'])
    off.setSound(true)
    b.enqueue('dua')
    await settle()
    expect(off.log).toEqual(['chime', 'speak:dua'])
  })

  it('moves on after a safety timeout when the browser never ends an utterance, and after an error', async () => {
    const waits: number[] = []
    let releaseSafety: (() => void) | undefined
    const sound = fakeSound()
    const announcer = new Announcer({
      ...sound.deps,
      speak: (text) => {
        sound.log.push(`speak:${text}`)
        return text === 'rusak' ? Promise.reject(new Error('synthesis-failed')) : new Promise<void>(() => {})
      },
      wait: (ms) => {
        waits.push(ms)
        return ms === speechSafetyMs('hilang')
          ? new Promise<void>((resolve) => {
              releaseSafety = resolve
            })
          : Promise.resolve()
      },
    })
    announcer.enqueue('hilang')
    announcer.enqueue('rusak')
    announcer.enqueue('sesudah')
    await settle()
    expect(sound.log).toEqual(['chime', 'speak:hilang'])
    releaseSafety?.()
    await settle()
    expect(sound.log).toEqual(['chime', 'speak:hilang', 'chime', 'speak:rusak', 'chime', 'speak:sesudah'])
    expect(waits).toContain(gapMs)
  })
})

describe('clockFormat', () => {
  it("writes the time and date in the MPP's own time zone", () => {
    const instant = new Date('2026-11-23T16:30:00Z')
    expect(clockFormat('id-ID', 'Asia/Jakarta')(instant)).toEqual({
      time: '23.30',
      date: 'Senin, 23 November 2026',
      day: '2026-11-23',
    })
    // Past local midnight in Samarinda (WITA) while still the 23rd in Jakarta: the board's day changes.
    expect(clockFormat('id-ID', 'Asia/Makassar')(instant)).toMatchObject({ time: '00.30', day: '2026-11-24' })
    expect(clockFormat(dateLocale('en'), 'Asia/Jayapura')(instant)).toMatchObject({
      time: '01:30',
      date: 'Tuesday, 24 November 2026',
    })
  })
})

describe('openWindows (the board page carries them)', () => {
  const officeHours = {
    mon: [{ open: '08:00', close: '15:00' }],
    tue: [{ open: '08:00', close: '15:00' }],
    wed: [{ open: '08:00', close: '15:00' }],
    thu: [{ open: '08:00', close: '15:00' }],
    fri: [
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '15:00' },
    ],
    sat: [],
    sun: [],
  }

  it("lists a week of the tenant's open stretches as instants, breaks and holidays left out", () => {
    const windows = openWindows(new Date('2026-11-26T09:00:00.000Z'), {
      openingHours: officeHours,
      holidays: [{ date: '2026-11-30', name: 'Libur' }],
      timeZone: 'Asia/Jakarta',
    })
    expect(windows).toEqual([
      ['2026-11-26T01:00:00.000Z', '2026-11-26T08:00:00.000Z'],
      ['2026-11-27T01:00:00.000Z', '2026-11-27T04:30:00.000Z'],
      ['2026-11-27T06:00:00.000Z', '2026-11-27T08:00:00.000Z'],
      ['2026-12-01T01:00:00.000Z', '2026-12-01T08:00:00.000Z'],
      ['2026-12-02T01:00:00.000Z', '2026-12-02T08:00:00.000Z'],
      ['2026-12-03T01:00:00.000Z', '2026-12-03T08:00:00.000Z'],
    ])
    // Thursday 16:00 WIB: asleep until Friday 08:00.
    expect(
      boardWakefulness(
        Date.parse('2026-11-26T09:00:00.000Z'),
        parseOpenWindows(JSON.stringify(windows)),
        false,
      ),
    ).toEqual({ awake: false, recheckAt: Date.parse('2026-11-27T01:00:00.000Z') })
  })
})
