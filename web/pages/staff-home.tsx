import type { Role } from '@mpp/core/account'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

interface Props {
  ctx: PageContext
  tenantName: string
  name: string
  role: Role
  agencies: number
  services: number
}

/** Where MPP staff land after logging in. */
export const StaffHome = ({ ctx, tenantName, name, role, agencies, services }: Props) => {
  const { m } = ctx
  return (
    <Layout ctx={ctx} title={m.staffHome.title}>
      <h1>{m.staffHome.welcome(name)}</h1>
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
    </Layout>
  )
}
