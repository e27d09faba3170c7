import { assertWithinTenant, CrossTenantAccessError } from '@mpp/db/tenant-guard'
import { describe, expect, it } from 'vitest'

const llg = '16.73'
const table = 'mpp'
const refused = (input: Record<string, unknown>) => () => assertWithinTenant(llg, input)

describe('the data-layer tenant guard', () => {
  it("lets a tenant's request touch its own partitions and the nation's roll-ups", () => {
    for (const input of [
      { TableName: table, Key: { pk: 'T#16.73', sk: 'TENANT' } },
      { TableName: table, Item: { pk: 'T#16.73#TK#2026-11-24', sk: 'x', gsi1pk: 'T#16.73#CP#OPEN' } },
      { TableName: table, Item: { pk: 'T#16.73#R', sk: 'M#2026-11', gsi1pk: 'MONTH#2026-11' } },
      {
        TableName: table,
        KeyConditionExpression: '#p = :pk AND begins_with(sk, :w)',
        ExpressionAttributeNames: { '#p': 'pk' },
        ExpressionAttributeValues: { ':pk': 'T#16.73#L#2026-11-24', ':w': 'W#' },
      },
      {
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#16.73#CP#OPEN' },
      },
      {
        TransactItems: [
          { Put: { TableName: table, Item: { pk: 'T#16.73#SV', sk: 'a' } } },
          { Update: { TableName: table, Key: { pk: 'P#NATIONAL', sk: 'D#2026-11-24' } } },
          { ConditionCheck: { TableName: table, Key: { pk: 'T#16.73', sk: 'TENANT' } } },
        ],
      },
      { RequestItems: { [table]: { Keys: [{ pk: 'T#16.73', sk: 'CAT#A#x' }] } } },
      { RequestItems: { [table]: [{ PutRequest: { Item: { pk: 'T#16.73', sk: 'CAT#S#y' } } }] } },
    ])
      expect(() => assertWithinTenant(llg, input)).not.toThrow()
  })

  it("refuses another tenant's key in every kind of request", () => {
    for (const input of [
      { TableName: table, Key: { pk: 'T#16.71', sk: 'TENANT' } },
      // A prefix of the tenant's id is another tenant: 16.7 is not 16.73, nor is 16.731.
      { TableName: table, Key: { pk: 'T#16.731', sk: 'TENANT' } },
      { TableName: table, Item: { pk: 'T#16.71#SV', sk: 'a' } },
      {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#16.71#L#2026-11-24' },
      },
      {
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk > :s',
        ExpressionAttributeValues: { ':pk': 'T#16.71#CP#OPEN', ':s': '' },
      },
      {
        TransactItems: [
          { Put: { TableName: table, Item: { pk: 'T#16.73#SV', sk: 'a' } } },
          { Delete: { TableName: table, Key: { pk: 'T#16.71#SV', sk: 'a' } } },
        ],
      },
      {
        RequestItems: {
          [table]: {
            Keys: [
              { pk: 'T#16.73', sk: 'a' },
              { pk: 'T#16.71', sk: 'b' },
            ],
          },
        },
      },
      { RequestItems: { [table]: [{ DeleteRequest: { Key: { pk: 'T#16.71', sk: 'CAT#S#y' } } }] } },
    ])
      expect(refused(input)).toThrow(CrossTenantAccessError)
  })

  it('refuses platform partitions other than the roll-ups, and a scan', () => {
    expect(refused({ TableName: table, Key: { pk: 'P#APP#2', sk: 'APP' } })).toThrow(CrossTenantAccessError)
    expect(refused({ TableName: table, Key: { pk: 'P#APP#1', sk: 'APP' } })).toThrow(/P#APP#1/)
    expect(refused({ TableName: table, FilterExpression: 'begins_with(pk, :t)' })).toThrow(/scan/)
  })

  it("refuses an item written into another tenant's index partition", () => {
    expect(
      refused({ TableName: table, Item: { pk: 'T#16.73', sk: 'x', gsi1pk: 'T#16.71#CP#OPEN' } }),
    ).toThrow(CrossTenantAccessError)
    expect(refused({ TableName: table, Item: { pk: 'T#16.73', sk: 'x', gsi1pk: 'APPS#verified' } })).toThrow(
      /APPS#verified/,
    )
  })
})
