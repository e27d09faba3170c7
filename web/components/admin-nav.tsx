import type { Messages } from '../i18n/messages'

/** The sections of a tenant admin's work, in the order a new MPP sets them up. */
export const adminSections = [
  ['home', '/staf'],
  ['profile', '/admin/profil'],
  ['catalog', '/admin/katalog'],
  ['queues', '/admin/antrean'],
  ['mobile', '/admin/layanan-bergerak'],
  ['facilities', '/admin/fasilitas'],
  ['staff', '/admin/staf'],
  ['satisfaction', '/admin/kepuasan'],
] as const
export type AdminSection = (typeof adminSections)[number][0]

/**
 * The admin's navigation, on every admin page. The section's own page is marked `aria-current="page"`; a page
 * inside it (an agency, a service, the import) marks its section `aria-current="true"`, so a screen reader says
 * where one is without claiming the link leads to this very page.
 */
export const AdminNav = ({
  m,
  current,
  within = false,
}: {
  m: Messages
  current: AdminSection
  within?: boolean
}) => (
  <nav aria-label={m.adminNav.label} class="subnav admin-nav">
    {adminSections.map(([section, href]) => (
      <a href={href} aria-current={section === current ? (within ? 'true' : 'page') : undefined}>
        {m.adminNav[section]}
      </a>
    ))}
  </nav>
)
