import type { CiSearchParams as SearchInput, CiSearchResult } from '../../cmdb/ci/ci-search.service';
import type { CiSearchParams } from './dto/ci-params.dto';

/** The search parameters as the service takes them. */
export function searchParams(p: CiSearchParams): SearchInput {
  return {
    q: p.q,
    fl: p.fl,
    facet: p.facet,
    retKey: p.ret_key,
    page: p.page,
    count: p.pageSize,
    sort: p.sort,
  };
}

/** `{numfound, total, page, facet, counter, result}`, as `/ci/s` and `/ci_relations/s` answer. */
export function searchAnswer(r: CiSearchResult) {
  return {
    numfound: r.numfound,
    total: r.rows.length,
    page: r.page,
    facet: r.facet,
    counter: r.counter,
    result: r.rows,
  };
}
