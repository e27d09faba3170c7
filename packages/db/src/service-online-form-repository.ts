import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { serviceOnlineForm as formSchema, type ServiceOnlineForm } from '@mpp/core/service-online-form'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'
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
