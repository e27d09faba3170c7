/** A setting the stack always gives the function; its absence is a deployment error, said at once. */
export const required = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} must be set`)
  return value
}
