import { textColourOn } from '@mpp/core/colour-contrast'

/** A simple emblem in the tenant's colours: a ring in the accent colour around the city's initials. */
export const demoLogo = (initials: string, primary: string, accent: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${initials}">` +
  `<circle cx="32" cy="32" r="31" fill="${accent}"/><circle cx="32" cy="32" r="26" fill="${primary}"/>` +
  `<text x="32" y="38" text-anchor="middle" font-family="system-ui,sans-serif" font-size="16" font-weight="700" ` +
  `fill="${textColourOn(primary)}">${initials}</text></svg>`
