/**
 * The display board's announcements: a FIFO queue, played strictly one after another and never cut off
 * (DOMAIN.md: "Calls must be spoken in order, never cut off by the next one"). Each is a chime, then the
 * spoken text; the next starts when the speech has ended (or failed), with a safety timeout for browsers that
 * never say so. Everything that touches the browser is injected, so this runs in unit tests as it is.
 */

export interface AnnouncerDeps {
  /** Plays the chime; resolves when it has finished. */
  chime: () => Promise<void>
  /** Speaks the text; resolves on the utterance's `end` or `error`. */
  speak: (text: string) => Promise<void>
  /** Whether a voice for the language is available now (voices load late in some browsers). */
  canSpeak: () => boolean
  /** Whether sound was turned on (browsers allow audio only after a press). */
  soundOn: () => boolean
  wait: (ms: number) => Promise<void>
  /** Called when an announcement is queued, with everything queued so far. */
  onQueued?: (text: string, all: readonly string[]) => void
}

/** The longest a chime may take before the queue moves on. */
export const chimeSafetyMs = 3_000

/** The longest an utterance may take before the queue moves on: generous, a slow voice must never be cut. */
export const speechSafetyMs = (text: string) => 10_000 + text.length * 150

/** A short pause between two calls, so they do not run together. */
export const gapMs = 600

export class Announcer {
  /** Every text ever queued, in order: the board's test hook reads it. */
  readonly queued: string[] = []
  private readonly pending: string[] = []
  private running = false

  constructor(private readonly deps: AnnouncerDeps) {}

  /** Queues an announcement; it plays after every earlier one has finished. */
  enqueue(text: string): void {
    this.queued.push(text)
    this.pending.push(text)
    this.deps.onQueued?.(text, this.queued)
    if (!this.running) void this.drain()
  }

  /** Announcements waiting to be played (not counting the one playing). */
  get waiting(): number {
    return this.pending.length
  }

  get busy(): boolean {
    return this.running
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      for (let text = this.pending.shift(); text !== undefined; text = this.pending.shift()) {
        try {
          await this.play(text)
        } catch {
          // One failed announcement must not silence the ones after it.
        }
      }
    } finally {
      this.running = false
    }
  }

  private async play(text: string): Promise<void> {
    const deps = this.deps
    // Before sound is turned on a call is only flashed on the board.
    if (!deps.soundOn()) return
    await Promise.race([deps.chime(), deps.wait(chimeSafetyMs)])
    if (deps.canSpeak()) await Promise.race([deps.speak(text), deps.wait(speechSafetyMs(text))])
    await deps.wait(gapMs)
  }
}
