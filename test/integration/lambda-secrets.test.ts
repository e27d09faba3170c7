import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event'
import { lambdaRoot, stubLambdaEnvironment } from '../support/lambda-env'

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>

const root = lambdaRoot
const llg = `lubuklinggau.${root}`
const secretArn = 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:mpp-session-AbCdEf'

/**
 * A local stand-in for Secrets Manager's endpoint (the SDK is pointed at it with AWS_ENDPOINT_URL_SECRETS_MANAGER):
 * while `stalled` it takes requests and never answers, as an unreachable service behind a black-holed route does.
 */
let stalled = true
let secretsManager: Server
const startSecretsManager = async () => {
  secretsManager = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      if (stalled) return
      expect(req.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue')
      const { SecretId, VersionStage } = JSON.parse(body)
      expect(SecretId).toBe(secretArn)
      if (VersionStage === 'AWSPREVIOUS') {
        // A secret never rotated has no previous version.
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
        res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no AWSPREVIOUS version' }))
        return
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(
        JSON.stringify({
          ARN: secretArn,
          Name: 'mpp-session',
          SecretString: 'a-session-secret-from-secrets-manager',
        }),
      )
    })
  })
  await new Promise<void>((resolve) => secretsManager.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(secretsManager.address() as AddressInfo).port}`
}

let handler: Handler
beforeAll(async () => {
  await stubLambdaEnvironment({
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: await startSecretsManager(),
    SESSION_SECRET: '',
    SESSION_SECRET_ARN: secretArn,
  })
  // Importing must not wait for Secrets Manager: with it stalled, an import that read the secret never ends.
  handler = (await import('../../functions/http')).handler as unknown as Handler
})

afterAll(() => {
  secretsManager?.closeAllConnections()
  secretsManager?.close()
})

const invoke = (path: string) => handler(httpApiEvent({ method: 'GET', host: llg, path }), lambdaContext())

describe('the http function while Secrets Manager does not answer', () => {
  it('answers the API with 503 unavailable, Retry-After and the error shape', async () => {
    const result = await invoke('/api/services')
    expect(result.statusCode).toBe(503)
    expect(result.headers?.['retry-after']).toBe('5')
    const body = JSON.parse(result.body ?? '')
    expect(body.error.code).toBe('unavailable')
    expect(body.error.message).toContain('sementara tidak tersedia')
  })

  it('answers a page with a page that says so, in Indonesian first', async () => {
    const result = await invoke('/')
    expect(result.statusCode).toBe(503)
    expect(result.headers?.['content-type']).toMatch(/text\/html/)
    expect(result.body).toMatch(/<html lang="id">.*Layanan sedang sibuk.*The service is busy/s)
  })
})

describe('once Secrets Manager answers', () => {
  it('reads the secret on the next request and serves', async () => {
    stalled = false
    const result = await invoke('/api/services')
    expect(result.statusCode).toBe(200)
    expect(JSON.parse(result.body ?? '').services.length).toBeGreaterThan(0)
  })
})
