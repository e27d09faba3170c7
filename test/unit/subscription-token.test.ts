import { issueSessionToken } from '@mpp/api/auth/session-token'
import { mintSubscriptionToken, readSubscriptionToken } from '@mpp/api/live/subscription-token'
import { describe, expect, it } from 'vitest'

const secrets = { sessionSecret: 'a-session-secret-long-enough-to-sign-with' }
const at = new Date('2026-11-24T03:00:00Z')
const board = { tenantId: '16.71', topics: ['board' as const], board: { queueIds: ['kependudukan'] } }

describe('live subscription tokens', () => {
  it('carry the tenant, topics and filter, for 15 minutes', () => {
    const { token, expiresAt } = mintSubscriptionToken(secrets.sessionSecret, board, at)
    expect(expiresAt).toBe(at.getTime() / 1000 + 900)
    expect(readSubscriptionToken(token, secrets, at)).toEqual({ ...board, expiresAt })
    expect(readSubscriptionToken(token, secrets, new Date(at.getTime() + 899_000))).toBeDefined()
    expect(readSubscriptionToken(token, secrets, new Date(at.getTime() + 900_000))).toBeUndefined()
  })

  it('never outlive the session they were minted for', () => {
    const notAfter = at.getTime() / 1000 + 60
    const { token, expiresAt } = mintSubscriptionToken(
      secrets.sessionSecret,
      { tenantId: '16.73', topics: ['counter:loket-1'] },
      at,
      notAfter,
    )
    expect(expiresAt).toBe(notAfter)
    expect(readSubscriptionToken(token, secrets, new Date(at.getTime() + 61_000))).toBeUndefined()
  })

  it('refuse a forged payload, another key, a session token and garbage', async () => {
    const { token } = mintSubscriptionToken(secrets.sessionSecret, board, at)
    const [, signature] = token.split('.')
    const forged = Buffer.from(
      JSON.stringify({ v: 1, tenant: '16.73', topics: ['board'], exp: 1e10 }),
    ).toString('base64url')
    expect(readSubscriptionToken(`${forged}.${signature}`, secrets, at)).toBeUndefined()
    expect(
      readSubscriptionToken(token, { sessionSecret: `${secrets.sessionSecret}-other` }, at),
    ).toBeUndefined()
    const session = await issueSessionToken(
      {
        id: 'session-id-0123456789',
        email: 'a@b.test',
        name: 'A',
        role: 'officer',
        tenantId: '16.71',
        host: 'palembang.localhost',
        expiresAt: 1e10,
      },
      secrets.sessionSecret,
    )
    expect(readSubscriptionToken(session, secrets, at)).toBeUndefined()
    for (const junk of ['', '.', 'a.b', `${token}.x`, 'x'.repeat(5000)])
      expect(readSubscriptionToken(junk, secrets, at)).toBeUndefined()
  })

  it('signed with the previous key still count after a rotation', () => {
    const { token } = mintSubscriptionToken('the-key-before-the-last-rotation-xx', board, at)
    expect(
      readSubscriptionToken(
        token,
        { ...secrets, previousSessionSecret: 'the-key-before-the-last-rotation-xx' },
        at,
      ),
    ).toBeDefined()
  })
})
