import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import {
  type Agency,
  agency as agencySchema,
  type Service,
  service as serviceSchema,
} from '@mpp/core/catalog'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, skPrefix, tenantPk } from './keys'
import { queryAll } from './query-all'

export interface Catalog {
  agencies: Agency[]
  services: Service[]
}

const byOrder = (a: Agency, b: Agency) => a.order - b.order || a.name.localeCompare(b.name, 'id')
const byName = (a: Service, b: Service) => a.name.localeCompare(b.name, 'id')

const queryPrefix = (db: Db, tenantId: TenantId, prefix: string) =>
  queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': prefix },
  })

export const listAgencies = async (db: Db, tenantId: TenantId): Promise<Agency[]> =>
  (await queryPrefix(db, tenantId, skPrefix.agencies)).map((i) => parseItem(agencySchema, i)).sort(byOrder)

export const listServices = async (db: Db, tenantId: TenantId): Promise<Service[]> =>
  (await queryPrefix(db, tenantId, skPrefix.services)).map((i) => parseItem(serviceSchema, i)).sort(byName)

/** Whether the tenant has published any service: one Query that stops at the first. */
export const hasServices = async (db: Db, tenantId: TenantId): Promise<boolean> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': skPrefix.services },
      ProjectionExpression: 'pk',
      Limit: 1,
    }),
  )
  return (result.Items ?? []).length > 0
}

/** Agencies and services together in one Query: they share the `CAT#` prefix of the tenant's partition. */
export const getCatalog = async (db: Db, tenantId: TenantId): Promise<Catalog> => {
  const items = await queryPrefix(db, tenantId, skPrefix.catalog)
  const isAgency = (i: Record<string, unknown>) => String(i.sk).startsWith(skPrefix.agencies)
  return {
    agencies: items
      .filter(isAgency)
      .map((i) => parseItem(agencySchema, i))
      .sort(byOrder),
    services: items
      .filter((i) => !isAgency(i))
      .map((i) => parseItem(serviceSchema, i))
      .sort(byName),
  }
}

export const putAgency = async (db: Db, tenantId: TenantId, agency: Agency): Promise<void> => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.agency(tenantId, agency.id), ...agency } }),
  )
}

export const putService = async (db: Db, tenantId: TenantId, service: Service): Promise<void> => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.service(tenantId, service.id), ...service } }),
  )
}

export const getService = async (
  db: Db,
  tenantId: TenantId,
  serviceId: string,
): Promise<Service | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.service(tenantId, serviceId) }),
  )
  return result.Item && parseItem(serviceSchema, result.Item)
}

export const getAgency = async (
  db: Db,
  tenantId: TenantId,
  agencyId: string,
): Promise<Agency | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.agency(tenantId, agencyId) }),
  )
  return result.Item && parseItem(agencySchema, result.Item)
}
