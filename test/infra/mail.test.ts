import type { Stack } from 'aws-cdk-lib'
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailSenderService } from '../../functions/mail-failed-metric'
import {
  actionsOf,
  nagViolations,
  onlyResourceId,
  roleStatements,
  type Statement,
  stackSynthesiser,
  synthTimeout,
} from '../support/stack-synth'

const stacks = stackSynthesiser()
beforeAll(stacks.setUp)
afterAll(stacks.tearDown)

const mailFrom = 'MPP Cloud <noreply@mpp.example.go.id>'

describe('the mail sender (with mailFrom)', () => {
  let stack: Stack
  let template: Template
  let fnId: string
  beforeAll(() => {
    ;({ stack, template } = stacks.synth('mail', { mailFrom }))
    fnId = onlyResourceId(template, 'AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^MPP Cloud mail:'),
    })
  }, synthTimeout)

  it("turns on the table's stream with each item's new image", () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    })
  })

  it('runs the sender on nodejs22.x arm64 with the sender address, and the http function no longer sends', () => {
    const fn = template.toJSON().Resources[fnId].Properties
    expect(fn).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 30 })
    expect(fn.Environment.Variables).toMatchObject({
      MAIL_FROM: mailFrom,
      POWERTOOLS_SERVICE_NAME: mailSenderService,
    })
    const http = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^MPP Cloud http:') },
      }),
    )[0]
    expect(http?.Properties.Environment.Variables.MAIL_FROM).toBeUndefined()
  })

  it('is started by the stream only for mail that became pending, retried halved, and parked in an encrypted queue', () => {
    const queues = Object.entries(template.findResources('AWS::SQS::Queue'))
    const [queueId, queue] = queues.find(([id]) => id.startsWith('MailDeadLetters')) ?? ['', {}]
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true })
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId },
      EventSourceArn: { 'Fn::GetAtt': [Match.anyValue(), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      MaximumRetryAttempts: 5,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { NewImage: { delivery: { S: ['pending'] } } },
            }),
          },
        ],
      },
    })
  })

  it('may send through SES only as the given sender: its address or domain identity, that From address', () => {
    const fn = template.toJSON().Resources[fnId].Properties
    const ses = roleStatements(template, fn.Role['Fn::GetAtt'][0]).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('ses:')),
    )
    expect(ses).toHaveLength(1)
    expect(actionsOf(ses[0] as Statement)).toEqual(['ses:SendEmail'])
    const resources = JSON.stringify(ses[0]?.Resource)
    expect(resources).toContain(':identity/noreply@mpp.example.go.id')
    expect(resources).toContain(':identity/mpp.example.go.id')
    expect(resources).not.toContain('*')
    expect(ses[0]?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'noreply@mpp.example.go.id' } })
    // Nothing else in the stack may send mail.
    const everySes = Object.values(template.findResources('AWS::IAM::Policy'))
      .concat(Object.values(template.findResources('AWS::IAM::Role')))
      .filter((r) => JSON.stringify(r).includes('ses:'))
    expect(everySes).toHaveLength(1)
  })

  it('is watched: its errors, and batches parked in its queue, raise alarms', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
    const named = (name: string) =>
      alarms.find((a) => a.Properties.AlarmName === `MppCloud-${name}`)?.Properties
    expect(named('mail-errors')?.Dimensions).toEqual([{ Name: 'FunctionName', Value: { Ref: fnId } }])
    const queueId = Object.keys(template.findResources('AWS::SQS::Queue')).find((id) =>
      id.startsWith('MailDeadLetters'),
    )
    expect(named('mail-batches-parked')).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
    })
  })

  it('passes cdk-nag AwsSolutions', () => {
    expect(nagViolations(stack)).toEqual([])
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
  })
})

describe('without mailFrom', () => {
  it(
    'deploys no sender: mail stays pending in the outbox',
    () => {
      const { template } = stacks.synth('no-mail')
      // The stream's only reader is the live fan-out (test/infra/live-socket.test.ts).
      const readers = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))
      expect(readers.map((r) => JSON.stringify(r.Properties.FunctionName))).toEqual([
        expect.stringMatching(/"LiveFanout/),
      ])
      expect(
        Object.values(template.findResources('AWS::Lambda::Function')).filter((f) =>
          /^MPP Cloud mail:/.test(f.Properties.Description ?? ''),
        ),
      ).toEqual([])
      expect(JSON.stringify(template.toJSON())).not.toContain('ses:SendEmail')
    },
    synthTimeout,
  )
})
