import { randomUUID } from 'node:crypto'
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import type { Db } from './client'
import { parseItem } from './item'
import { keys } from './keys'

const keepDays = 30

export const mailMessage = z
  .object({ id: z.string(), at: z.iso.datetime(), to: z.string(), subject: z.string(), text: z.string() })
  .strict()
export type MailMessage = z.infer<typeof mailMessage>

/** Keeps a sent mail where the local ministry console can read it (the local mailer's outbox). */
export const storeMail = async (db: Db, mail: Omit<MailMessage, 'id'>): Promise<MailMessage> => {
  const message = { id: randomUUID(), ...mail }
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.mail(message.at, message.id),
        ...message,
        expiresAt: Math.floor(Date.parse(message.at) / 1000) + keepDays * 24 * 3600,
      },
    }),
  )
  return message
}

/** The newest mails first. */
export const listMail = async (db: Db, limit = 100): Promise<MailMessage[]> => {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.mail('', '').pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  )
  return (result.Items ?? []).map((i) => parseItem(mailMessage, i))
}
