/**
 * Builds one UpdateExpression from SET, ADD and REMOVE parts with generated placeholders, so callers never
 * splice attribute names (service ids have hyphens) or values into expression strings.
 */
export const updateExpression = () => {
  const sets: string[] = []
  const adds: string[] = []
  const removes: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  let n = 0
  const name = (attribute: string) => {
    const key = `#a${n++}`
    names[key] = attribute
    return key
  }
  const value = (v: unknown) => {
    const key = `:v${n++}`
    values[key] = v
    return key
  }
  const builder = {
    set(attribute: string, v: unknown) {
      sets.push(`${name(attribute)} = ${value(v)}`)
      return builder
    },
    /** SET attribute = list_append(if_not_exists(attribute, []), [item]) */
    append(attribute: string, item: unknown) {
      const a = name(attribute)
      sets.push(`${a} = list_append(if_not_exists(${a}, ${value([])}), ${value([item])})`)
      return builder
    },
    add(attribute: string, by: number) {
      if (by !== 0) adds.push(`${name(attribute)} ${value(by)}`)
      return builder
    },
    remove(attribute: string) {
      removes.push(name(attribute))
      return builder
    },
    /** A placeholder for a condition on the same item. */
    name,
    value,
    build() {
      const parts = [
        sets.length ? `SET ${sets.join(', ')}` : '',
        adds.length ? `ADD ${adds.join(', ')}` : '',
        removes.length ? `REMOVE ${removes.join(', ')}` : '',
      ].filter(Boolean)
      return {
        UpdateExpression: parts.join(' '),
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      }
    },
  }
  return builder
}
