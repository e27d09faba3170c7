import { estimateWaitMinutes } from '@mpp/core/wait-estimate'
import { describe, expect, it } from 'vitest'

describe('estimateWaitMinutes', () => {
  it('is the mean service time times the people ahead over the counters serving, rounded up', () => {
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [240, 360], peopleAhead: 4, countersServing: 2 }),
    ).toBe(10)
    expect(estimateWaitMinutes({ recentServiceSeconds: [300], peopleAhead: 1, countersServing: 2 })).toBe(3)
    expect(estimateWaitMinutes({ recentServiceSeconds: [61], peopleAhead: 1, countersServing: 1 })).toBe(2)
  })

  it('does not round a whole minute up by a float error', () => {
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [16.8, 16.8, 16.8], peopleAhead: 25, countersServing: 1 }),
    ).toBe(7)
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [100, 200, 300], peopleAhead: 3, countersServing: 1 }),
    ).toBe(10)
  })

  it('averages only the 20 most recent durations', () => {
    const old = Array<number>(30).fill(6000)
    const recent = Array<number>(20).fill(60)
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [...old, ...recent], peopleAhead: 3, countersServing: 1 }),
    ).toBe(3)
  })

  it('is 0 with nobody ahead', () => {
    expect(estimateWaitMinutes({ recentServiceSeconds: [300], peopleAhead: 0, countersServing: 1 })).toBe(0)
    expect(estimateWaitMinutes({ recentServiceSeconds: [], peopleAhead: 0, countersServing: 1 })).toBe(0)
  })

  it('is undefined without a service time or a counter serving', () => {
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [], peopleAhead: 3, countersServing: 1 }),
    ).toBeUndefined()
    expect(
      estimateWaitMinutes({ recentServiceSeconds: [300], peopleAhead: 3, countersServing: 0 }),
    ).toBeUndefined()
  })
})
