import { ApiError } from "./respond.js";

/**
 * AWX's list pages (awx/api/pagination.py over DRF's PageNumberPagination): `?page=` (from 1) and
 * `?page_size=` (default 25, at most 200), answered as `{count, next, previous, results}`. `next` and
 * `previous` are the request's own path and query with `page` replaced (AWX builds them from
 * `get_full_path()`, so they are host-relative, and it writes `page=1` rather than dropping it); DRF's
 * replace_query_param re-encodes the query with its keys sorted. A page past the end is DRF's 404
 * "Invalid page.".
 */
export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

export function paginate<T>(items: readonly T[], url: URL): Page<T> {
  const size = pageSize(url.searchParams.get("page_size"));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const raw = url.searchParams.get("page") ?? "1";
  const page = /^\d+$/.test(raw) ? Number(raw) : raw === "last" ? pages : NaN;
  if (!Number.isInteger(page) || page < 1 || page > pages)
    throw new ApiError(404, { detail: "Invalid page." });
  return {
    count: items.length,
    next: page < pages ? withPage(url, page + 1) : null,
    previous: page > 1 ? withPage(url, page - 1) : null,
    results: items.slice((page - 1) * size, page * size),
  };
}

function pageSize(raw: string | null): number {
  if (raw == null || !/^\d+$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  return n < 1 ? DEFAULT_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
}

function withPage(url: URL, page: number): string {
  const params = new URLSearchParams(url.search);
  params.set("page", String(page));
  params.sort();
  return `${url.pathname}?${params.toString()}`;
}
