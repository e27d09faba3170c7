import { randomUUID } from 'node:crypto'
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  isOpenServiceRequest,
  type ServiceRequest,
  type StoredFileRecord,
  serviceRequest as serviceRequestSchema,
  serviceRequestStatus,
  storedFile,
} from '@mpp/core/service-request'
import type { TenantId } from '@mpp/core/tenant'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, serviceRequestIndexPk } from './keys'
import { queryAll } from './query-all'
import { cancelReasons, type TransactItem } from './transactions'

/** The gsi1 entry of a submitted request: its agency's open or finished ones, by first submission. */
const indexKeysOf = (tenantId: TenantId, r: ServiceRequest) =>
  r.status === 'draft' || !r.submittedAt
    ? {}
    : {
        gsi1pk: serviceRequestIndexPk(tenantId, r.agencyId, isOpenServiceRequest(r.status)),
        gsi1sk: `${r.submittedAt}#${r.code}`,
      }

/** A citizen's line for one request: enough for their list without reading the requests. */
export const citizenServiceRequestLine = z
  .object({
    code: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    status: serviceRequestStatus,
    startedAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
export type CitizenServiceRequestLine = z.infer<typeof citizenServiceRequestLine>

/**
 * The writes of a request's next state (its version one above the one read, else the transaction fails) and
 * the citizen's line, for a transaction that records something else with it (a collection booking).
 */
export const serviceRequestWrites = (db: Db, tenantId: TenantId, r: ServiceRequest): TransactItem[] => [
  {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.serviceRequest(tenantId, r.code), ...indexKeysOf(tenantId, r), ...r },
      ...(r.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':v': r.version - 1 },
          }),
    },
  },
  {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.citizenServiceRequest(tenantId, r.citizen, r.code),
        code: r.code,
        serviceId: r.serviceId,
        serviceName: r.serviceName,
        status: r.status,
        startedAt: r.startedAt,
        updatedAt: r.updatedAt,
      } satisfies CitizenServiceRequestLine & { pk: string; sk: string },
    },
  },
]

const isConflict = (error: unknown, index = 0) => {
  const reasons = cancelReasons(error)
  if (!reasons) return false
  return (
    reasons[index]?.code === 'ConditionalCheckFailed' || reasons.some((r) => r.code === 'TransactionConflict')
  )
}

export type StartResult = { kind: 'started' } | { kind: 'draft_exists'; code: string } | { kind: 'conflict' }

/**
 * Writes a new draft (version 1) with the citizen's line and their draft claim for the service, in one
 * transaction: a second start for the same service (a form posted twice) finds the claim and gets the first
 * draft's code instead of a second draft.
 */
export const startServiceRequest = async (
  db: Db,
  tenantId: TenantId,
  draft: ServiceRequest,
): Promise<StartResult> => {
  const claim = keys.citizenDraft(tenantId, draft.citizen, draft.serviceId)
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          ...serviceRequestWrites(db, tenantId, draft),
          {
            Put: {
              TableName: db.tableName,
              Item: { ...claim, code: draft.code },
              ConditionExpression: 'attribute_not_exists(pk)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
        ClientRequestToken: randomUUID(),
      }),
    )
    return { kind: 'started' }
  } catch (error) {
    const reasons = cancelReasons(error)
    if (!reasons) throw error
    const existing = reasons[2]?.item?.code
    if (reasons[2]?.code === 'ConditionalCheckFailed' && typeof existing === 'string')
      return { kind: 'draft_exists', code: existing }
    if (reasons.some((r) => r.code === 'ConditionalCheckFailed' || r.code === 'TransactionConflict'))
      return { kind: 'conflict' }
    throw error
  }
}

export const getServiceRequest = async (
  db: Db,
  tenantId: TenantId,
  code: string,
): Promise<ServiceRequest | undefined> => {
  const result = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.serviceRequest(tenantId, code),
      ConsistentRead: true,
    }),
  )
  return result.Item && parseItem(serviceRequestSchema, result.Item)
}

/**
 * Writes a request's next state (its `version` one above the version read) with the citizen's line and
 * `also` (kept documents, roll-ups, notifications), if nobody changed it meanwhile; the submission (the step
 * it ends with) frees the citizen's draft claim for the service. False when it changed: read again and decide again.
 */
export const saveServiceRequest = async (
  db: Db,
  tenantId: TenantId,
  next: ServiceRequest,
  also: TransactItem[] = [],
): Promise<boolean> => {
  const items = [...serviceRequestWrites(db, tenantId, next), ...also]
  if (next.steps.at(-1)?.action === 'submit')
    items.push({
      Delete: {
        TableName: db.tableName,
        Key: keys.citizenDraft(tenantId, next.citizen, next.serviceId),
        ConditionExpression: 'attribute_not_exists(pk) OR code = :code',
        ExpressionAttributeValues: { ':code': next.code },
      },
    })
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }))
    return true
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
}

/**
 * One agency's submitted requests, open ones oldest submission first (the order to work them in), finished
 * ones newest first. One Query of gsi1 per agency.
 */
export const agencyServiceRequests = async (
  db: Db,
  tenantId: TenantId,
  agencyId: string,
  open: boolean,
  limit = 200,
): Promise<ServiceRequest[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': serviceRequestIndexPk(tenantId, agencyId, open) },
      ScanIndexForward: open,
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((i) => parseItem(serviceRequestSchema, i))
}

/** A citizen's requests, drafts included, as lines (one Query). */
export const citizenServiceRequests = async (
  db: Db,
  tenantId: TenantId,
  address: string,
): Promise<CitizenServiceRequestLine[]> => {
  const { pk, sk } = keys.citizenServiceRequest(tenantId, address, '')
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': sk },
  })
  return items.map((i) => parseItem(citizenServiceRequestLine, i))
}

/** A document kept for the citizen's next requests: the newest file they handed in of its kind. */
export const keptDocument = z.object({ kindId: z.string(), file: storedFile, keptAt: z.string() }).strict()
export type KeptDocument = z.infer<typeof keptDocument>

/** Keeps `file` as the citizen's document of its kind (replacing the one kept before), inside a save. */
export const keepDocumentPut = (
  db: Db,
  tenantId: TenantId,
  address: string,
  doc: { kindId: string; file: StoredFileRecord; keptAt: string },
): TransactItem => ({
  Put: {
    TableName: db.tableName,
    Item: { ...keys.keptDocument(tenantId, address, doc.kindId), ...doc } satisfies KeptDocument & object,
  },
})

export const keptDocuments = async (db: Db, tenantId: TenantId, address: string): Promise<KeptDocument[]> => {
  const { pk, sk } = keys.keptDocument(tenantId, address, '')
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': sk },
    ConsistentRead: true,
  })
  return items.map((i) => parseItem(keptDocument, i))
}

/** Forgets a kept document; returns what was kept (to delete its file too), or undefined if nothing was. */
export const forgetKeptDocument = async (
  db: Db,
  tenantId: TenantId,
  address: string,
  kindId: string,
): Promise<KeptDocument | undefined> => {
  const result = await db.doc.send(
    new DeleteCommand({
      TableName: db.tableName,
      Key: keys.keptDocument(tenantId, address, kindId),
      ReturnValues: 'ALL_OLD',
    }),
  )
  return result.Attributes && parseItem(keptDocument, result.Attributes)
}

/** A look at a request's document by staff: audited, since the file holds a citizen's personal data. */
export const documentView = z
  .object({ at: z.string(), by: z.string(), kindId: z.string(), version: z.int() })
  .strict()
export type DocumentView = z.infer<typeof documentView>

export const recordDocumentView = async (db: Db, tenantId: TenantId, code: string, view: DocumentView) => {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.serviceRequestView(tenantId, code, view.at, randomUUID()), ...view },
    }),
  )
}

/** Every look at a request's documents, oldest first. */
export const documentViews = async (db: Db, tenantId: TenantId, code: string): Promise<DocumentView[]> => {
  const { pk, sk } = keys.serviceRequestView(tenantId, code, '', '')
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': sk.slice(0, -1) },
  })
  return items.map((i) => parseItem(documentView, i))
}
