/**
 * The officer's console: keyboard shortcuts for the main actions (the buttons carry `data-shortcut`), and a
 * reload when the line changed while the officer is not typing, so the waiting counts stay true.
 */
const typing = () => {
  const el = document.activeElement
  return (
    el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
  )
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing()) return
  const key = event.key === ' ' ? 'N' : event.key.toUpperCase()
  const button = document.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]`)
  if (!button) return
  event.preventDefault()
  button.click()
})

const main = document.querySelector<HTMLElement>('[data-console-state]')
const counterId = main?.dataset.counterId
if (main && counterId) {
  let rendered = main.dataset.consoleState
  const poll = async () => {
    if (document.visibilityState !== 'visible' || typing()) return
    try {
      const res = await fetch(`/api/counters/${counterId}/console`, {
        headers: { accept: 'application/json' },
      })
      if (!res.ok) return
      const data = (await res.json()) as {
        current?: { ticketKey: string; status: string }
        queues: { id: string; waiting: number }[]
        held: unknown[]
      }
      const state = [
        data.current ? `${data.current.ticketKey}:${data.current.status}` : '-',
        ...data.queues.map((q) => `${q.id}=${q.waiting}`),
        `held=${data.held.length}`,
      ].join('|')
      if (state !== rendered) {
        rendered = state
        window.location.replace(window.location.pathname)
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }
  window.setInterval(poll, 5000)
}
