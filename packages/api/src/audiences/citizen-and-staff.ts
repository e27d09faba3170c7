import { complaintPages } from '../pages/complaint-pages'
import { surveyPages } from '../pages/survey-pages'
import type { RouteGroup } from '../route-group'
import { complaintApi } from '../routes/complaint-api'

/**
 * Served by both functions. Complaints: filed and followed by citizens, handled by staff at `/staf/pengaduan`.
 * The survey: a citizen's from the ticket page, and the exit kiosk's (`/kios/survei`, behind the kiosk's
 * staff session like all of `/kios`).
 */
export const citizenAndStaffGroups: RouteGroup[] = [
  { order: 14, name: 'complaintApi', routes: ({ deps }) => complaintApi(deps) },
  { order: 26, name: 'surveyPages', routes: ({ queue }) => surveyPages(queue) },
  { order: 38, name: 'complaintPages', routes: ({ deps }) => complaintPages(deps) },
]
