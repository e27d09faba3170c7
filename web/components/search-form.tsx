import type { PageContext } from './page-context'

/** The catalog search: a plain GET form to /cari, so it works without script. */
export const SearchForm = ({
  ctx,
  query = '',
  id = 'search-q',
}: {
  ctx: PageContext
  query?: string
  id?: string
}) => {
  const t = ctx.m.search
  return (
    <search>
      <form method="get" action="/cari" class="search-form">
        <label for={id}>{t.label}</label>
        <div class="search-form__row">
          <input
            id={id}
            name="q"
            type="search"
            value={query}
            placeholder={t.placeholder}
            maxlength={100}
            autocomplete="off"
            enterkeyhint="search"
          />
          <button type="submit" class="button">
            {t.submit}
          </button>
        </div>
      </form>
    </search>
  )
}
