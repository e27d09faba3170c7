import { callAnnouncement } from '@mpp/core/spoken-number'
import { describe, expect, it } from 'vitest'
import { Announcer, type AnnouncerDeps, gapMs, speechSafetyMs } from '../../web/client/lib/announcer'
import { announcementFor, type BoardCall, CallTracker, parseLabel } from '../../web/client/lib/board-calls'
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
  const t0 = '2026-11-23T03:00:00.000Z'
  const t1 = '2026-11-23T03:01:00.000Z'
  const t2 = '2026-11-23T03:02:00.000Z'

  it('never reports the calls on the board when it loaded', () => {
    const tracker = new CallTracker([call(1, 4, t0), call(2, 1, t0)])
    expect(tracker.update([call(1, 4, t0), call(2, 1, t0)])).toEqual([])
  })

  it('reports a counter whose callSeq rose, a recall included, and a counter that starts calling', () => {
    const tracker = new CallTracker([call(1, 4, t0, 'A-001')])
    expect(tracker.update([call(1, 5, t1, 'A-002')]).map((c) => c.label)).toEqual(['A-002'])
    expect(tracker.update([call(1, 5, t1, 'A-002')])).toEqual([])
    // A recall of the same ticket raises the sequence too.
    expect(tracker.update([call(1, 6, t2, 'A-002')]).map((c) => c.callSeq)).toEqual([6])
    expect(tracker.update([call(3, 1, t2, 'B-001'), call(1, 6, t2, 'A-002')]).map((c) => c.label)).toEqual([
      'B-001',
    ])
  })

  it('reports several new calls oldest first, the order to announce them in', () => {
    const tracker = new CallTracker([])
    const fresh = tracker.update([call(2, 1, t2, 'A-002'), call(1, 1, t1, 'A-001')])
    expect(fresh.map((c) => c.label)).toEqual(['A-001', 'A-002'])
  })

  it('remembers a counter that went idle, and takes a new day restarting the sequence as new', () => {
    const tracker = new CallTracker([call(1, 7, t0)])
    expect(tracker.update([])).toEqual([])
    expect(tracker.update([call(1, 7, t0)])).toEqual([])
    expect(tracker.update([call(1, 1, '2026-11-24T01:00:00.000Z', 'A-001')])).toHaveLength(1)
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
