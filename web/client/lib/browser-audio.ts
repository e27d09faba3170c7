/**
 * The board's sound in the browser: a chime made with the Web Audio API (two short sine tones, no audio file)
 * and speech with `speechSynthesis` in an Indonesian voice. Nothing here runs at import time.
 */

/** Plays one sine tone with a soft attack and release, so it does not click. */
const tone = (audio: AudioContext, frequency: number, start: number, seconds: number) => {
  const oscillator = audio.createOscillator()
  const gain = audio.createGain()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequency
  gain.gain.setValueAtTime(0.0001, start)
  gain.gain.exponentialRampToValueAtTime(0.35, start + 0.03)
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds)
  oscillator.connect(gain).connect(audio.destination)
  oscillator.start(start)
  oscillator.stop(start + seconds + 0.05)
}

/** "Ding-dong": a high tone then a lower one; resolves when both have sounded. */
export const playChime = (audio: AudioContext): Promise<void> =>
  new Promise((resolve) => {
    const start = audio.currentTime + 0.05
    tone(audio, 880, start, 0.45)
    tone(audio, 660, start + 0.5, 0.7)
    setTimeout(resolve, 1_300)
  })

/** The first voice whose language is Indonesian (`id`, `id-ID`, `id_ID`), if the device has one. */
export const indonesianVoice = (voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined =>
  voices.find((v) => v.lang.toLowerCase().startsWith('id'))

// Chrome drops the events of an utterance it garbage-collected while speaking: keep a reference until it ends.
const speaking = new Set<SpeechSynthesisUtterance>()

/** Speaks the text in Indonesian at a slightly slow rate; resolves on `end` or `error`, never cancels anything. */
export const speakIndonesian = (voice: SpeechSynthesisVoice, text: string): Promise<void> =>
  new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.voice = voice
    utterance.lang = 'id-ID'
    utterance.rate = 0.9
    const done = () => {
      speaking.delete(utterance)
      resolve()
    }
    utterance.addEventListener('end', done)
    utterance.addEventListener('error', done)
    speaking.add(utterance)
    window.speechSynthesis.speak(utterance)
  })
