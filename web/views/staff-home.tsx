import type { Role } from '@mpp/core/account'
import { AdminNav } from '../components/admin-nav'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

/** One step of a new MPP's setup, done or not by what is stored. */
export interface SetupItem {
  step: 'profile' | 'services' | 'schedule' | 'queues' | 'staff'
  href: string
  done: boolean
}

interface Props {
  ctx: PageContext
  tenantName: string
  name: string
  role: Role
  agencies: number
  services: number
  /** The admin's setup checklist; none for officers. */
  setup?: SetupItem[]
}

/** The setup steps, the open ones first in words and every one linking to its page. */
const SetupChecklist = ({ ctx, setup }: { ctx: PageContext; setup: SetupItem[] }) => {
  const t = ctx.m.staffHome.setup
  const open = setup.filter((s) => !s.done).length
  return (
    <section aria-labelledby="setup" class="setup">
      <h2 id="setup">{t.title}</h2>
      <p>{open === 0 ? t.complete : t.lead(open, setup.length)}</p>
      <ol class="setup-steps">
        {setup.map((s) => (
          <li class={s.done ? 'setup-done' : 'setup-open'} data-step={s.step}>
            <a href={s.href}>{t.steps[s.step]}</a>{' '}
            <span class="setup-status">{s.done ? t.done : t.open}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** Where MPP staff land after logging in; an admin sees what is left to set up first. */
export const StaffHome = ({ ctx, tenantName, name, role, agencies, services, setup }: Props) => {
  const { m } = ctx
  return (
    <Layout ctx={ctx} title={m.staffHome.title}>
      {role === 'admin' && <AdminNav m={m} current="home" />}
      <h1>{m.staffHome.welcome(name)}</h1>
      {setup?.some((s) => !s.done) && <SetupChecklist ctx={ctx} setup={setup ?? []} />}
      <dl class="facts">
        <div>
          <dt>{m.staffHome.role}</dt>
          <dd>{m.roles[role]}</dd>
        </div>
        <div>
          <dt>{m.staffHome.tenant}</dt>
          <dd>{tenantName}</dd>
        </div>
        <div>
          <dt>{m.staffHome.catalog}</dt>
          <dd>{m.tenantHome.summary(agencies, services)}</dd>
        </div>
      </dl>
      <h2>{m.staffHome.work}</h2>
      <ul class="card-list">
        <li>
          <a href="/staf/loket">{m.staffHome.console}</a>
        </li>
        <li>
          <a href="/kios">{m.staffHome.kiosk}</a>
        </li>
        <li>
          <a href="/layar">{m.staffHome.board}</a>
        </li>
        <li>
          <a href="/staf/pengaduan">{m.complaints.staffLink}</a>
        </li>
        <li>
          <a href="/staf/permohonan">{m.serviceRequestStaff.staffLink}</a>
        </li>
        <li>
          <a href="/kios/survei">{m.survey.kioskStaffLink}</a>
        </li>
        {role === 'admin' && (
          <li>
            <a href="/admin/antrean">{m.staffHome.queueAdmin}</a>
          </li>
        )}
        {role === 'admin' && (
          <>
            <li>
              <a href="/admin/katalog">{m.catalogAdmin.staffLink}</a>
            </li>
            <li>
              <a href="/admin/layanan-bergerak">{m.catalogAdmin.staffMobileLink}</a>
            </li>
            <li>
              <a href="/admin/fasilitas">{m.catalogAdmin.staffFacilitiesLink}</a>
            </li>
            <li>
              <a href="/admin/profil">{m.profileAdmin.staffLink}</a>
            </li>
            <li>
              <a href="/admin/staf">{m.staffAdmin.staffLink}</a>
            </li>
            <li>
              <a href="/admin/kepuasan">{m.satisfaction.staffLink}</a>
            </li>
          </>
        )}
      </ul>
      {setup?.every((s) => s.done) && <SetupChecklist ctx={ctx} setup={setup} />}
    </Layout>
  )
}
