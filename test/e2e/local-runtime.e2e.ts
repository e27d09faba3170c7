import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDynamoDbLocal } from '@mpp/local/dynamodb-local'
import { describe, expect, it } from 'vitest'
import { startLocalServer, until } from './support/local-server'

/** Processes whose command line mentions the data directory: the server and its DynamoDB Local. */
const processesUsing = (dataDir: string) => {
  const result = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' })
  return result.stdout.split('\n').filter(Boolean)
}

/** Lubuklinggau's home page. Node's resolver knows no `*.localhost`, so the Host header names the tenant. */
const home = (port: number) =>
  new Promise<{ status: number; body: string }>((done, fail) => {
    const req = get(
      { host: '127.0.0.1', port, path: '/', headers: { host: `lubuklinggau.localhost:${port}` } },
      (res) => {
        let body = ''
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => done({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', fail)
  })

describe('npm start', () => {
  it('keeps its data across restarts and leaves no Java process behind on SIGTERM', async () => {
    const first = await startLocalServer()
    try {
      expect(first.output()).toContain('created lubuklinggau, palembang, pekanbaru, samarinda')
      expect(first.output()).toContain(`http://lubuklinggau.localhost:${first.port}`)
      expect(first.output()).toContain('kementerian@panrb.test')
      expect((await home(first.port)).status).toBe(200)
      expect(processesUsing(first.dataDir).length).toBeGreaterThan(0)
    } finally {
      expect(await first.stop()).toBe(0)
    }
    await until('DynamoDB Local to stop', () => processesUsing(first.dataDir).length === 0, 15_000)

    const second = await startLocalServer({ dataDir: first.dataDir })
    try {
      expect(second.output()).toContain('Demo seed: already present')
      expect((await home(second.port)).body).toContain('Mal Pelayanan Publik Kota Lubuklinggau')
    } finally {
      await second.stop()
    }
    await until('DynamoDB Local to stop', () => processesUsing(first.dataDir).length === 0, 15_000)
  })

  it('uses an existing DynamoDB given DYNAMODB_ENDPOINT and TABLE_NAME, starting none of its own', async () => {
    const dynamo = await startDynamoDbLocal()
    try {
      const server = await startLocalServer({
        env: { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'mpp-shared' },
      })
      try {
        expect(server.output()).toContain(`DynamoDB:  ${dynamo.endpoint} (table mpp-shared)`)
        expect((await home(server.port)).status).toBe(200)
        expect(existsSync(join(server.dataDir, 'dynamodb'))).toBe(false)
      } finally {
        await server.stop()
      }
    } finally {
      await dynamo.stop()
    }
  })

  it('stops with a clear message when Java is missing', async () => {
    const noJava = await mkdtemp(join(tmpdir(), 'mpp-nojava-'))
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/local/src/start.ts'], {
      env: { ...process.env, PATH: noJava, DATA_DIR: join(noJava, 'data'), DYNAMODB_ENDPOINT: '' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('DynamoDB Local needs Java 17 or newer, but no Java was found on PATH.')
    expect(result.stderr).toContain('apt-get install -y openjdk-17-jre-headless')
  })

  it('is not running Java when the test starts', () => {
    // Guards the assertion above: `java` must really be missing from that PATH.
    expect(() =>
      execFileSync('java', ['-version'], { env: { PATH: '/nonexistent' }, stdio: 'ignore' }),
    ).toThrow()
  })
})
