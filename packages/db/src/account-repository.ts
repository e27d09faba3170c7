import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { type Account, account as accountSchema } from '@mpp/core/account'
import type { Db } from './client'
import { parseItem } from './item'
import { keys, type Scope } from './keys'

export const getAccount = async (db: Db, scope: Scope, email: string): Promise<Account | undefined> => {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.account(scope, email), ConsistentRead: true }),
  )
  return result.Item && parseItem(accountSchema, result.Item)
}

export const putAccount = async (db: Db, scope: Scope, account: Account): Promise<void> => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.account(scope, account.email), ...account } }),
  )
}
