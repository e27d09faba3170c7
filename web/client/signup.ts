/**
 * The signup form: tells whether the subdomain can be had while it is typed (the server checks again on
 * submit). Debounced, and only the latest answer counts.
 */
const input = document.querySelector<HTMLInputElement>('input[data-check-url]')
const statusLine = document.getElementById('subdomain-status')
if (input && statusLine) {
  let timer: number | undefined
  let latest = 0
  const check = async () => {
    const name = input.value.trim()
    const asked = ++latest
    if (name.length < 3) {
      statusLine.textContent = ''
      return
    }
    try {
      const res = await fetch(`${input.dataset.checkUrl}${encodeURIComponent(name)}`)
      if (!res.ok || asked !== latest) return
      const body = (await res.json()) as { available: boolean; reason?: 'invalid' | 'reserved' | 'taken' }
      statusLine.textContent =
        (body.available ? input.dataset.available : input.dataset[body.reason ?? 'invalid']) ?? ''
      statusLine.className = body.available ? 'small ok-text' : 'small error-text'
    } catch {
      // Offline: the server checks on submit.
    }
  }
  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(check, 300)
  })
  if (input.value) void check()
}
