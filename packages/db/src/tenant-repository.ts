import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { type Tenant, type TenantId, tenant as tenantSchema } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { directoryIndexPk, keys, tenantPk } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

const bySlug = (slug: string) => ({ gsi1pk: `SLUG#${slug}`, gsi1sk: 'TENANT' })

/** What the platform lists about every tenant without opening its partition. */
export const directoryEntry = tenantSchema.pick({
  id: true,
  slug: true,
  name: true,
  regencyName: true,
  provinceName: true,
  stage: true,
})
export type DirectoryEntry = z.infer<typeof directoryEntry>

/** A directory entry as stored: in its tenant's partition, listed through gsi1. */
export const directoryItem = (entry: DirectoryEntry) => ({
  ...keys.directoryEntry(entry.id),
  gsi1pk: directoryIndexPk,
  gsi1sk: entry.id,
  ...entry,
})

/** Finds the tenant a subdomain belongs to, in one round trip. */
export const findTenantBySlug = async (db: Db, slug: string): Promise<Tenant | undefined> => {
  const key = bySlug(slug)
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': key.gsi1pk, ':sk': key.gsi1sk },
      Limit: 1,
    }),
  )
  const item = result.Items?.[0]
  return item && parseItem(tenantSchema, item)
}

export const getTenant = async (db: Db, tenantId: TenantId): Promise<Tenant | undefined> => {
  const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.tenant(tenantId) }))
  return result.Item && parseItem(tenantSchema, result.Item)
}

/**
 * The writes that create a tenant: the tenant, its claim on the subdomain (free, or held by the application
 * that becomes this tenant), its claim on the regency and its directory entry.
 */
export const tenantCreation = (db: Db, tenant: Tenant, fromApplication?: string): TransactItem[] => {
  const { id, slug, name, regencyName, provinceName, stage } = tenant
  const entry: DirectoryEntry = { id, slug, name, regencyName, provinceName, stage }
  return [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.tenant(tenant.id), ...bySlug(tenant.slug), ...tenant },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.slug(tenant.slug), tenantId: tenant.id },
        ...(fromApplication
          ? {
              ConditionExpression: 'attribute_not_exists(pk) OR applicationId = :app',
              ExpressionAttributeValues: { ':app': fromApplication },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.regencyClaim(tenant.id), tenantId: tenant.id },
      },
    },
    { Put: { TableName: db.tableName, Item: directoryItem(entry) } },
  ]
}

/**
 * Creates a tenant with its subdomain claim and directory entry in one transaction.
 * Fails (TransactionCanceledException) when the tenant or the subdomain exists.
 */
export const createTenant = async (db: Db, tenant: Tenant): Promise<void> => {
  await db.doc.send(new TransactWriteCommand({ TransactItems: tenantCreation(db, tenant) }))
}

/**
 * Moves a tenant along its lifecycle (stage and the fields that go with it), only from the stage it was read
 * in, together with its directory entry and whatever else belongs to the decision (its audit entry).
 * False when the tenant moved meanwhile.
 */
export const changeTenantStage = async (
  db: Db,
  tenant: Tenant,
  next: Tenant,
  also: TransactItem[] = [],
): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.tenant(next.id), ...bySlug(next.slug), ...next },
              ConditionExpression: 'stage = :expected',
              ExpressionAttributeValues: { ':expected': tenant.stage },
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: keys.directoryEntry(next.id),
              UpdateExpression: 'SET stage = :stage',
              ExpressionAttributeValues: { ':stage': next.stage },
            },
          },
          ...also,
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

/**
 * Every tenant of the platform, from gsi1's directory partition (a few hundred small items). An entry counts
 * only from its own tenant's partition: a tenant can write its own items only, never vouch for another id.
 */
export const listDirectory = async (db: Db): Promise<DirectoryEntry[]> => {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': directoryIndexPk },
  })
  return items
    .filter((item) => item.pk === tenantPk(String(item.id)))
    .map((item) => parseItem(directoryEntry, item))
}

/** The logo item: SVG as text (checked and re-serialised), PNG as base64; older items hold only `svg`. */
const logoItem = z.union([
  z.object({ contentType: z.literal('image/png'), png: z.string().min(1), updatedAt: z.string().optional() }),
  z.object({
    contentType: z.literal('image/svg+xml').optional(),
    svg: z.string().min(20),
    updatedAt: z.string().optional(),
  }),
])

export type LogoFile =
  | { contentType: 'image/svg+xml'; svg: string }
  | { contentType: 'image/png' /** base64 */; png: string }

/** The tenant's logo as stored, or undefined when it has none. */
export const getLogo = async (db: Db, tenantId: TenantId): Promise<LogoFile | undefined> => {
  const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.logo(tenantId) }))
  if (!result.Item) return undefined
  const item = parseItem(logoItem, result.Item)
  return 'png' in item
    ? { contentType: 'image/png', png: item.png }
    : { contentType: 'image/svg+xml', svg: item.svg }
}

/** Stores an SVG logo as it is (the demo seed); an admin's upload goes through `replaceLogo`. */
export const putLogo = async (db: Db, tenantId: TenantId, svg: string): Promise<void> => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.logo(tenantId), contentType: 'image/svg+xml', svg },
    }),
  )
}

/**
 * Replaces the logo and moves the tenant's `logoVersion` in one transaction, so pages link the new logo
 * exactly when it is there. A PNG of at most 200 KB is about 270 KB as base64: under the 400 KB item limit.
 */
export const replaceLogo = async (
  db: Db,
  tenantId: TenantId,
  logo: LogoFile,
  version: string,
  at: Date,
): Promise<void> => {
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.logo(tenantId), ...logo, updatedAt: at.toISOString() },
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: keys.tenant(tenantId),
            UpdateExpression: 'SET logoVersion = :v',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':v': version },
          },
        },
      ],
    }),
  )
}

/** Removes the logo (false when there was none) and the tenant's `logoVersion` with it. */
export const removeLogo = async (db: Db, tenantId: TenantId): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: db.tableName,
              Key: keys.logo(tenantId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: keys.tenant(tenantId),
              UpdateExpression: 'REMOVE logoVersion',
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
      }),
    )
    return true
  } catch (error) {
    if (cancelReasons(error)?.[0]?.code === 'ConditionalCheckFailed') return false
    throw error
  }
}

/** What a tenant admin edits on the profile page. */
export type TenantProfile = Pick<
  Tenant,
  'name' | 'tagline' | 'address' | 'mapUrl' | 'phone' | 'email' | 'branding'
>

/**
 * Replaces the tenant's profile (optional fields left out are removed) and the name in its directory entry,
 * in one transaction.
 */
export const updateTenantProfile = async (
  db: Db,
  tenantId: TenantId,
  profile: TenantProfile,
): Promise<void> => {
  const optional = ['tagline', 'mapUrl', 'phone', 'email'] as const
  const set = (['name', 'address', 'branding', ...optional] as const).filter((k) => profile[k] !== undefined)
  const remove = optional.filter((k) => profile[k] === undefined)
  const names = Object.fromEntries([...set, ...remove].map((k) => [`#${k}`, k]))
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: db.tableName,
            Key: keys.tenant(tenantId),
            UpdateExpression: [
              `SET ${set.map((k) => `#${k} = :${k}`).join(', ')}`,
              remove.length > 0 ? `REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : '',
            ].join(' '),
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: Object.fromEntries(set.map((k) => [`:${k}`, profile[k]])),
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: keys.directoryEntry(tenantId),
            UpdateExpression: 'SET #name = :name',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':name': profile.name },
          },
        },
      ],
    }),
  )
}

/** Changes some of a tenant's settings (hours, holidays, queue rules, facilities); the rest stays as it is. */
export const updateTenantSettings = async (
  db: Db,
  tenantId: TenantId,
  fields: Partial<
    Pick<Tenant, 'openingHours' | 'holidays' | 'queueSettings' | 'facilities' | 'otherFacilities'>
  >,
): Promise<void> => {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.tenant(tenantId),
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    }),
  )
}
