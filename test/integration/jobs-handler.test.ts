import { beforeAll, describe, expect, it, vi } from 'vitest'
import { platformMetrics } from '../../functions/metric-names'
import { lambdaContext } from '../support/api-gateway-event'
import { stubLambdaEnvironment } from '../support/lambda-env'

type Handler = (event: unknown, context: unknown) => Promise<{ closed: unknown[]; overdue: unknown[] }>
let handler: Handler

beforeAll(async () => {
  await stubLambdaEnvironment({ POWERTOOLS_LOG_LEVEL: 'ERROR' })
  handler = (await import('../../functions/jobs')).handler as unknown as Handler
})

/** The EMF documents the handler wrote to stdout (what CloudWatch turns into metrics in Lambda). */
const emittedMetrics = async (run: () => Promise<unknown>) => {
  const lines: string[] = []
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'))
    return true
  })
  try {
    await run()
  } finally {
    write.mockRestore()
  }
  return lines
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: unknown[] } })
}

describe('the jobs Lambda handler', () => {
  it('closes the due days and reports how many are overdue as MppCloud/DaysOverdue, with the service the alarm names', async () => {
    // The real clock: whatever day it is, the run closes every due day first, so none is overdue after it.
    const [document, ...more] = await emittedMetrics(() =>
      handler({ 'detail-type': 'Scheduled Event', source: 'aws.events' }, lambdaContext()),
    )
    expect(more).toEqual([])
    expect(document?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: platformMetrics.namespace,
        Dimensions: [['service']],
        Metrics: [{ Name: platformMetrics.daysOverdue, Unit: 'Count' }],
      },
    ])
    expect(document).toMatchObject({ service: 'mpp-cloud-jobs', [platformMetrics.daysOverdue]: 0 })
  })
})
