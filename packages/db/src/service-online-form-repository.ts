import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { serviceOnlineForm as formSchema, type ServiceOnlineForm } from '@mpp/core/service-online-form'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, skPrefix, tenantPk } from './keys'
import { queryAll } from './query-all'
import { cancelReasons } from './transactions'

/** A service's online form, if its admin ever defined one. */
export const getServiceOnlineForm = async (
  db: Db,
  tenantId: TenantId,
  serviceId: string,
): Promise<ServiceOnlineForm | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.serviceOnlineForm(tenantId, serviceId) }),
  )
  return result.Item && parseItem(formSchema, result.Item)
}

/** The ids of the services that take online applications now (one Query of the forms' keys and flags). */
export const listOnlineServiceIds = async (db: Db, tenantId: TenantId): Promise<Set<string>> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': skPrefix.onlineForms },
    ProjectionExpression: 'sk, #online',
    ExpressionAttributeNames: { '#online': 'online' },
  })
  return new Set(
    items.filter((i) => i.online === true).map((i) => String(i.sk).slice(skPrefix.onlineForms.length)),
  )
}

/** Stores a service's online form on the condition that the service exists; false when it does not. */
export const putServiceOnlineForm = async (
  db: Db,
  tenantId: TenantId,
  serviceId: string,
  form: ServiceOnlineForm,
): Promise<boolean> => {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: db.tableName,
              Key: keys.service(tenantId, serviceId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.serviceOnlineForm(tenantId, serviceId), ...form },
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
