import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'
import { SearchForm } from '../components/search-form'

export interface SearchResult {
  id: string
  name: string
  agencyName: string
}

interface Props {
  ctx: PageContext
  query: string
  results: SearchResult[]
  /** With no result: the known services the query names, with the office that usually serves each. */
  usuallyElsewhere?: { label: string; usuallyAt: string }[]
  /** The platform's list of MPPs, for a service this one does not offer. */
  otherMppsUrl?: string
}

/** Search results for the catalog, rendered on the server: empty, no-result and result states. */
export const SearchPage = ({ ctx, query, results, usuallyElsewhere = [], otherMppsUrl }: Props) => {
  const t = ctx.m.search
  const searched = query.trim() !== ''
  return (
    <Layout ctx={ctx} title={searched ? `${t.title}: ${query}` : t.title} styles={['catalog.css']}>
      <h1>{t.title}</h1>
      <SearchForm ctx={ctx} query={query} />
      {!searched ? (
        <p>{t.hint}</p>
      ) : results.length === 0 ? (
        <div class="search-echo">
          <p>
            <strong>{t.none(query)}</strong>
          </p>
          {usuallyElsewhere.length > 0 ? (
            usuallyElsewhere.map((g) => <p>{t.notOffered(g.label, g.usuallyAt)}</p>)
          ) : (
            <p>{t.noneHint}</p>
          )}
          {otherMppsUrl && (
            <p>
              <a href={otherMppsUrl}>{t.otherMpps}</a>
            </p>
          )}
        </div>
      ) : (
        <section aria-labelledby="results">
          <h2 id="results" class="search-echo">
            {t.results(results.length, query)}
          </h2>
          <ul class="pick-list search-results">
            {results.map((r) => (
              <li>
                <a href={`/layanan/${r.id}`}>
                  <span>{r.name}</span>
                  <span class="muted small">{r.agencyName}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/#agencies">{t.allServices}</a>
      </p>
    </Layout>
  )
}
