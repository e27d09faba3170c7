import type { z } from 'zod'

const storageAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'expiresAt'])

/** Parses a stored item with the same schema the API validates with, dropping the storage-only attributes. */
export const parseItem = <S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> => {
  const entity = Object.fromEntries(Object.entries(item).filter(([k]) => !storageAttributes.has(k)))
  return schema.parse(entity)
}
