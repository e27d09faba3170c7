import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * The local HMAC key for sessions: SESSION_SECRET when set, else one generated once and kept in the data
 * directory, so logins survive a restart.
 */
export const localSessionSecret = async (file: string): Promise<string> => {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    const secret = randomBytes(32).toString('base64url')
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, secret, { mode: 0o600 })
    return secret
  }
}
