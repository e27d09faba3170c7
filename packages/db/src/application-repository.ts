import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { type Application, application as applicationSchema } from '@mpp/core/application'
import type { ApplicationStatus } from '@mpp/core/tenant-lifecycle'
import { z } from 'zod'
import { batchGet, itemWithKey } from './batch-get'
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
  /** An unconfirmed application's end (epoch seconds, the table's TTL): it vanishes unless confirmed. */
  expiresAt?: number
}

const stored = applicationSchema.extend({
  emailTokenHash: z.string().optional(),
  editTokenHash: z.string().optional(),
  fileTokenHash: z.string().optional(),
  tokensExpireAt: z.number().optional(),
})

/** The TTL attribute is storage, not entity: `parseItem` drops it, so it is read here. */
const expiryOf = (item: Record<string, unknown>) =>
  typeof item.expiresAt === 'number' ? item.expiresAt : undefined

/** Who holds a regency: a confirmed application (since when) or its tenant. */
const regencyClaim = z.object({
  applicationId: z.string().optional(),
  createdAt: z.string().optional(),
  tenantId: z.string().optional(),
})
export type RegencyClaim = z.infer<typeof regencyClaim>

const statusIndex = (a: Pick<Application, 'status' | 'createdAt' | 'id'>) => ({
  gsi1pk: `APPS#${a.status}`,
  gsi1sk: `${a.createdAt}#${a.id}`,
})

export type ClaimConflict =
  | { kind: 'regency_taken'; claim: RegencyClaim | undefined; tenantExists: boolean }
  | { kind: 'subdomain_taken' }

/**
 * Whether a regency or a subdomain is held already (by a confirmed application or a tenant), read before
 * filing so the applicant hears at once; the claim itself is made only at the email's confirmation.
 */
export const claimConflict = async (
  db: Db,
  regencyCode: string,
  subdomain: string,
): Promise<ClaimConflict | undefined> => {
  const wanted = [keys.regencyClaim(regencyCode), keys.tenant(regencyCode), keys.slug(subdomain)] as const
  const items = await batchGet(db, [...wanted])
  const [regency, tenant, slug] = wanted.map((key) => itemWithKey(items, key))
  if (regency || tenant) {
    return {
      kind: 'regency_taken',
      claim: regency ? parseItem(regencyClaim, regency) : undefined,
      tenantExists: tenant !== undefined,
    }
  }
  return slug ? { kind: 'subdomain_taken' } : undefined
}

/**
 * Stores a new, unconfirmed application, with `also` (its confirmation mail) in the same transaction; it
 * claims nothing and expires by itself at `secrets.expiresAt`.
 */
export const createApplicationRecord = async (
  db: Db,
  a: Application,
  secrets: ApplicationSecrets,
  also: TransactItem[] = [],
) => {
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.application(a.id), ...statusIndex(a), ...a, ...secrets },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...also,
      ],
    }),
  )
}

/**
 * The writes that claim an application's regency and subdomain (when its email is confirmed): they fail when
 * a tenant or another confirmed application holds either. Index 0 the regency, 1 its tenant, 2 the subdomain.
 */
export const claimWrites = (db: Db, a: Application): TransactItem[] => [
  {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.regencyClaim(a.regencyCode), applicationId: a.id, createdAt: a.createdAt },
      ConditionExpression: 'attribute_not_exists(pk)',
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
]

export const getApplicationRecord = async (db: Db, id: string) => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.application(id), ConsistentRead: true }),
  )
  if (!result.Item) return undefined
  const { emailTokenHash, editTokenHash, fileTokenHash, tokensExpireAt, ...rest } = parseItem(
    stored,
    result.Item,
  )
  const expiresAt = expiryOf(result.Item)
  return {
    application: rest as Application,
    secrets: {
      emailTokenHash,
      editTokenHash,
      fileTokenHash,
      tokensExpireAt,
      ...(expiresAt ? { expiresAt } : {}),
    },
  }
}

/**
 * Applications with one status, newest first, through gsi1 (never a Scan); unconfirmed ones past their end are
 * left out (the table's TTL removes them within a day or two).
 */
export const listApplicationsByStatus = async (
  db: Db,
  status: ApplicationStatus,
  now: Date,
): Promise<Application[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `APPS#${status}` },
      ScanIndexForward: false,
    }),
  )
  const nowSeconds = now.getTime() / 1000
  return (result.Items ?? []).flatMap((i) => {
    const expiresAt = expiryOf(i)
    if (expiresAt !== undefined && expiresAt <= nowSeconds) return []
    const {
      emailTokenHash: _,
      editTokenHash: __,
      fileTokenHash: ___,
      tokensExpireAt: ____,
      ...rest
    } = parseItem(stored, i)
    return [rest as Application]
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

/** The writes that give a regency and a subdomain back when an application is rejected or withdrawn. */
export const releaseClaims = (db: Db, a: Application): TransactItem[] =>
  [keys.regencyClaim(a.regencyCode), keys.slug(a.subdomain)].map((Key) => ({
    Delete: {
      TableName: db.tableName,
      Key,
      ConditionExpression: 'applicationId = :app',
      ExpressionAttributeValues: { ':app': a.id },
    },
  }))

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
