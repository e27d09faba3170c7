import { PutCommand } from '@aws-sdk/lib-dynamodb'
import {
  type DocumentKind,
  documentKind as documentKindSchema,
  mergeDocumentKinds,
} from '@mpp/core/document-kind'
import type { TenantId } from '@mpp/core/tenant'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, skPrefix, tenantPk } from './keys'
import { queryAll } from './query-all'

/** The tenant's document kinds: the defaults as the tenant changed them, and its own (one Query). */
export const listDocumentKinds = async (db: Db, tenantId: TenantId): Promise<DocumentKind[]> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': skPrefix.documentKinds },
  })
  return mergeDocumentKinds(items.map((i) => parseItem(documentKindSchema, i)))
}

/**
 * Stores a kind: `create` only while no stored kind has its id (the caller checks the defaults), `replace`
 * whatever is stored (a default's first change stores it). False when `create` finds the id taken.
 */
export const putDocumentKind = async (
  db: Db,
  tenantId: TenantId,
  kind: DocumentKind,
  mode: 'create' | 'replace',
): Promise<boolean> => {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.documentKind(tenantId, kind.id), ...kind },
        ...(mode === 'create' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      }),
    )
    return true
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false
    throw error
  }
}
