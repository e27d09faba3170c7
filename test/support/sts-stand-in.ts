import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface AssumeRoleCall {
  roleArn: string
  sessionName: string
  /** The session tags, by key. */
  tags: Record<string, string>
}

/**
 * A local stand-in for STS's AssumeRole (the SDK is pointed at it with AWS_ENDPOINT_URL_STS): it records each
 * call and hands out credentials that DynamoDB Local accepts (it accepts any), valid an hour from the machine's
 * time, as STS's are. Used to see which tenant a request's credentials were made for, and what they cost.
 */
export const startStsStandIn = async () => {
  const calls: AssumeRoleCall[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const form = new URLSearchParams(body)
      const tags: Record<string, string> = {}
      for (let i = 1; form.has(`Tags.member.${i}.Key`); i++)
        tags[form.get(`Tags.member.${i}.Key`) ?? ''] = form.get(`Tags.member.${i}.Value`) ?? ''
      const call = {
        roleArn: form.get('RoleArn') ?? '',
        sessionName: form.get('RoleSessionName') ?? '',
        tags,
      }
      calls.push(call)
      const expiration = new Date(Date.now() + 3600_000).toISOString()
      res.writeHead(200, { 'content-type': 'text/xml' })
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIASTANDIN${calls.length}</AccessKeyId>
      <SecretAccessKey>stand-in-secret</SecretAccessKey>
      <SessionToken>stand-in-token-${calls.length}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROASTANDIN:${call.sessionName}</AssumedRoleId>
      <Arn>${call.roleArn.replace(':role/', ':assumed-role/')}/${call.sessionName}</Arn>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>stand-in-${calls.length}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
