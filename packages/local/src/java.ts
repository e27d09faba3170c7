import { spawnSync } from 'node:child_process'

export const minimumJava = 17

/** The major version of the `java` on PATH, or undefined when there is none. */
export const javaMajorVersion = (): number | undefined => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) return undefined
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`)
  if (!match) return undefined
  const major = Number(match[1])
  return major === 1 ? Number(match[2]) : major // "1.8.0" is Java 8
}

/** Throws with what to do when DynamoDB Local cannot run here. */
export const assertJava = (): void => {
  const major = javaMajorVersion()
  if (major !== undefined && major >= minimumJava) return
  const found = major === undefined ? 'no Java was found on PATH' : `Java ${major} was found`
  throw new Error(
    [
      `DynamoDB Local needs Java ${minimumJava} or newer, but ${found}.`,
      '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
      '  macOS:         brew install openjdk@17',
      '  Windows:       winget install EclipseAdoptium.Temurin.17.JRE',
      'Or point DYNAMODB_ENDPOINT at a DynamoDB you already run.',
    ].join('\n'),
  )
}
