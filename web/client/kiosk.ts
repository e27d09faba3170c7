/**
 * The kiosk's own behaviour. On the print screen: print once after load, then go back to the start after
 * `data-kiosk-return-ms`, or `data-kiosk-after-print-ms` after the printout, whichever is first. On every
 * other screen: go back to the start after `data-kiosk-idle-ms` without a touch or a key.
 */
import { systemClock } from '@mpp/core/clock'

const kioskScreen = document.querySelector<HTMLElement>('[data-kiosk-home]')

const goHome = (home: string) => {
  window.location.assign(home)
}

if (kioskScreen) {
  const home = kioskScreen.dataset.kioskHome ?? '/kios'
  const ms = (value: string | undefined) => {
    const n = Number(value)
    return Number.isFinite(n) && n > 0 ? n : undefined
  }

  if (kioskScreen.hasAttribute('data-kiosk-print')) {
    const returnMs = ms(kioskScreen.dataset.kioskReturnMs) ?? 15_000
    const afterPrintMs = ms(kioskScreen.dataset.kioskAfterPrintMs) ?? 3_000
    let leaving: number | undefined
    let deadline = Number.POSITIVE_INFINITY
    /** Schedules the return, keeping whichever is sooner. */
    const leaveIn = (delay: number) => {
      if (systemClock().getTime() + delay >= deadline) return
      deadline = systemClock().getTime() + delay
      if (leaving !== undefined) window.clearTimeout(leaving)
      leaving = window.setTimeout(() => goHome(home), delay)
    }
    let printed = false
    const printOnce = () => {
      if (printed) return
      printed = true
      leaveIn(returnMs)
      window.print()
    }
    window.addEventListener('afterprint', () => leaveIn(afterPrintMs))
    if (document.readyState === 'complete') printOnce()
    else window.addEventListener('load', printOnce, { once: true })
  } else {
    const idleMs = ms(kioskScreen.dataset.kioskIdleMs)
    if (idleMs !== undefined) {
      let idle = window.setTimeout(() => goHome(home), idleMs)
      const reset = () => {
        window.clearTimeout(idle)
        idle = window.setTimeout(() => goHome(home), idleMs)
      }
      for (const type of ['pointerdown', 'touchstart', 'keydown', 'input', 'wheel'])
        window.addEventListener(type, reset, { passive: true, capture: true })
    }
  }
}
