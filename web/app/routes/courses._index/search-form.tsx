import { Form, Link, useSubmit } from '@remix-run/react';
import { type FormEvent, useEffect, useRef } from 'react';
import {
  CATALOG_FILTERS,
  type CatalogQuery,
  catalogHref,
  hasFilters,
  SORT_OPTIONS,
} from '../../utils/catalog-query';

/** How long the search waits after the last keystroke before it asks for results. */
const SEARCH_DEBOUNCE_MS = 350;

/** The form's fields without the empty ones: the URL never carries `q=` or `kind=`. */
export function filledParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  return params;
}

/**
 * Without JavaScript: a plain GET form (the loader cleans empty fields). With it: the search
 * runs while typing (debounced), filters apply on change, and the URL keeps only filled fields.
 */
export function SearchForm({ query }: { query: CatalogQuery }) {
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const href = catalogHref(query);

  // The fields are uncontrolled; when the URL changes from elsewhere (a "Clear all" link, the
  // back button) show its values, but never overwrite the field being typed in.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const values: Record<string, string> = {
      q: query.q,
      sort: query.sortParam ?? '',
      ...Object.fromEntries(CATALOG_FILTERS.map((f) => [f.param, query.params[f.param] ?? ''])),
    };
    for (const [name, value] of Object.entries(values)) {
      const field = form.elements.namedItem(name);
      if (
        (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) &&
        field !== document.activeElement &&
        field.value !== value
      ) {
        field.value = value;
      }
    }
  }, [query]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (replace: boolean) => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const params = filledParams(form);
    const next = params.toString() ? `/courses?${params}` : '/courses';
    if (next === href) return;
    // Typing replaces the history entry, so Back leaves the catalog instead of un-typing.
    submit(params, { method: 'get', action: '/courses', replace });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    search(false);
  };

  return (
    <Form
      ref={formRef}
      method="get"
      action="/courses"
      role="search"
      aria-label="Courses"
      className="catalog-search card"
      onSubmit={onSubmit}
      onChange={(event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLSelectElement) search(false);
      }}
      onInput={(event) => {
        if (!(event.target instanceof HTMLInputElement)) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => search(true), SEARCH_DEBOUNCE_MS);
      }}
    >
      <div className="field catalog-search-query">
        <label htmlFor="catalog-q">Search courses</label>
        <div className="catalog-search-row">
          <input
            id="catalog-q"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={200}
            placeholder="e.g. diabetes coding, risk adjustment"
            aria-describedby="catalog-q-hint"
          />
          <button type="submit">Search</button>
        </div>
        <p id="catalog-q-hint" className="field-hint">
          Searches titles, summaries and syllabi. Use "quotes" for a phrase, - to exclude a word.
        </p>
      </div>
      <fieldset className="catalog-filters">
        <legend className="visually-hidden">Filters and sort</legend>
        {CATALOG_FILTERS.map((filter) => (
          <div className="field" key={filter.param}>
            <label htmlFor={`catalog-${filter.param}`}>{filter.label}</label>
            <select
              id={`catalog-${filter.param}`}
              name={filter.param}
              defaultValue={query.params[filter.param] ?? ''}
            >
              <option value="">{filter.any}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="catalog-sort">Sort by</label>
          <select
            id="catalog-sort"
            name="sort"
            defaultValue={query.sortParam ?? ''}
            aria-describedby="catalog-sort-hint"
          >
            <option value="">Best match</option>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <p id="catalog-sort-hint" className="visually-hidden">
          Best match ranks search results by relevance; without a search it shows the newest courses
          first.
        </p>
        <div className="catalog-filter-actions">
          <button type="submit" className="button-secondary">
            Apply
          </button>
          {query.q || hasFilters(query) ? <Link to="/courses">Clear all</Link> : null}
        </div>
      </fieldset>
    </Form>
  );
}
