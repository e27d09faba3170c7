import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './client'
import { keys } from './keys'

/** Proves the table answers a data-plane read; throws when it does not. */
export const pingTable = async (db: Db): Promise<void> => {
  await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.health() }))
}
