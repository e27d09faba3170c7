/**
 * The console's print page of a walk-in ticket: opens the print dialog once when the page has loaded, and
 * shows the Print button (`data-print`) for another copy. Without this script the browser's Print does the same.
 */
const button = document.querySelector<HTMLButtonElement>('button[data-print]')
if (button) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
  if (document.readyState === 'complete') window.print()
  else window.addEventListener('load', () => window.print(), { once: true })
}
