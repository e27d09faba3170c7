import { afterEach, describe, expect, it, vi } from 'vitest'
import { mailFailedCounter } from '../../functions/mail-failed-metric'

afterEach(() => vi.restoreAllMocks())

describe('the failed-mail metric', () => {
  it('writes MppCloud/MailFailed (Count 1, service mpp-cloud-mail) as one Embedded Metric Format line', () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    mailFailedCounter()()
    const emf = lines.map((l) => JSON.parse(l)).find((l) => l._aws)
    expect(emf).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'MppCloud',
            Dimensions: [['service']],
            Metrics: [{ Name: 'MailFailed', Unit: 'Count' }],
          },
        ],
      },
      service: 'mpp-cloud-mail',
      MailFailed: 1,
    })
  })
})
