import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type Application, application as applicationSchema } from '@mpp/core/application'
import type { ApplicationStatus } from '@mpp/core/tenant-lifecycle'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
import { cancelReasons, type TransactItem } from './transactions'

/** Secrets kept with an application, as hashes only: the email check and the revision link. */
export interface ApplicationSecrets {
  emailTokenHash?: string
  editTokenHash?: string
  /** Lets the applicant attach the urgency study's PDF after filing. */
  fileTokenHash?: string
  /** When those links stop working (epoch seconds). */
  tokensExpireAt?: number
}

const stored = applicationSchema.extend({
  emailTokenHash: z.string().optional(),
  editTokenHash: z.string().optional(),
  fileTokenHash: z.string().optional(),
  tokensExpireAt: z.number().optional(),
})

/** Who holds a regency: a pending application (who applied, when) or its tenant. */
const regencyClaim = z.object({
  applicationId: z.string().optional(),
  applicantName: z.string().optional(),
  createdAt: z.string().optional(),
  tenantId: z.string().optional(),
})
export type RegencyClaim = z.infer<typeof regencyClaim>

const statusIndex = (a: Pick<Application, 'status' | 'createdAt' | 'id'>) => ({
  gsi1pk: `APPS#${a.status}`,
  gsi1sk: `${a.createdAt}#${a.id}`,
})

export type CreateResult =
  | { kind: 'created' }
  | { kind: 'regency_taken'; claim: RegencyClaim | undefined; tenantExists: boolean }
  | { kind: 'subdomain_taken' }

/**
 * Stores a new application and claims its regency and its subdomain in one transaction, so a regency has at
 * most one pending or live application (or tenant) and two applications never share a subdomain.
 */
export const createApplicationRecord = async (
  db: Db,
  a: Application,
  secrets: ApplicationSecrets,
): Promise<CreateResult> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.regencyClaim(a.regencyCode),
                applicationId: a.id,
                applicantName: a.applicant.name,
                createdAt: a.createdAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            ConditionCheck: {
              TableName: db.tableName,
              Key: keys.tenant(a.regencyCode),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.slug(a.subdomain), applicationId: a.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.application(a.id), ...statusIndex(a), ...a, ...secrets },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    )
    return { kind: 'created' }
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (reasons[0]?.code === 'ConditionalCheckFailed' || reasons[1]?.code === 'ConditionalCheckFailed') {
      const claim = reasons[0]?.item ? regencyClaim.parse(reasons[0].item) : undefined
      return { kind: 'regency_taken', claim, tenantExists: reasons[1]?.code === 'ConditionalCheckFailed' }
    }
    if (reasons[2]?.code === 'ConditionalCheckFailed') return { kind: 'subdomain_taken' }
    throw error
  }
}

export const getApplicationRecord = async (db: Db, id: string) => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.application(id), ConsistentRead: true }),
  )
  if (!result.Item) return undefined
  const { emailTokenHash, editTokenHash, fileTokenHash, tokensExpireAt, ...rest } = parseItem(
    stored,
    result.Item,
  )
  return {
    application: rest as Application,
    secrets: { emailTokenHash, editTokenHash, fileTokenHash, tokensExpireAt },
  }
}

/** Applications with one status, newest first, through gsi1 (never a Scan). */
export const listApplicationsByStatus = async (db: Db, status: ApplicationStatus): Promise<Application[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `APPS#${status}` },
      ScanIndexForward: false,
    }),
  )
  return (result.Items ?? []).map((i) => {
    const {
      emailTokenHash: _,
      editTokenHash: __,
      fileTokenHash: ____,
      tokensExpireAt: ___,
      ...rest
    } = parseItem(stored, i)
    return rest as Application
  })
}

/**
 * Writes an application's new state, only if it is still in the status it was read in (two ministry officers
 * deciding at once cannot both win). `also` are writes that belong to the same decision (a tenant created, a
 * claim moved, an audit entry). `moved` when the application changed meanwhile; `also_failed` with the index
 * of the first of `also` whose condition failed.
 */
export const saveApplication = async (
  db: Db,
  next: Application,
  expectedStatus: ApplicationStatus,
  secrets: ApplicationSecrets,
  also: TransactItem[] = [],
): Promise<{ kind: 'saved' } | { kind: 'moved' } | { kind: 'also_failed'; index: number }> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.application(next.id), ...statusIndex(next), ...next, ...secrets },
              ConditionExpression: '#s = :expected',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':expected': expectedStatus },
            },
          },
          ...also,
        ],
      }),
    )
    return { kind: 'saved' }
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    if (reasons[0]?.code === 'ConditionalCheckFailed') return { kind: 'moved' }
    const index = reasons.slice(1).findIndex((r) => r.code === 'ConditionalCheckFailed')
    if (index >= 0) return { kind: 'also_failed', index }
    throw error
  }
}

/** The writes that give a regency and a subdomain back when an application is rejected. */
export const releaseClaims = (db: Db, a: Application): TransactItem[] => [
  { Delete: { TableName: db.tableName, Key: keys.regencyClaim(a.regencyCode) } },
  { Delete: { TableName: db.tableName, Key: keys.slug(a.subdomain) } },
]

/** Whether a subdomain is free: no tenant and no application holds it. */
export const subdomainTaken = async (db: Db, slug: string): Promise<boolean> => {
  const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.slug(slug) }))
  return result.Item !== undefined
}

/** The writes that move an application's subdomain claim to another subdomain (which must be free). */
export const moveSubdomainClaim = (db: Db, a: Application, to: string): TransactItem[] => [
  {
    Delete: {
      TableName: db.tableName,
      Key: keys.slug(a.subdomain),
      ConditionExpression: 'applicationId = :app',
      ExpressionAttributeValues: { ':app': a.id },
    },
  },
  {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.slug(to), applicationId: a.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
]
