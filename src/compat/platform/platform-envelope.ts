import { Problem } from '../../common/errors/problem';
import { CompatEnvelope, CompatErrorResponse } from '../compat-envelope';

interface PlatformPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  prev: string | null;
  results: T[];
}

/** Codes the platform API's tables name for particular causes. */
const REASON_CODES: Record<string, number> = {
  wrong_original_password: 300001, // change-password: the original password does not match
  undefined_permission: 30001, // system perms: 未定义的权限
  no_grant_permission: 30002, // system perms: 没有授权权限
  unsupported_language: 30002, // deploy scripts: 语言不支持
  unsupported_template_engine: 30003, // deploy scripts: 脚本引擎不支持
  // Resource requests' approve/reject/close: 申请单已批准, 已关闭, 已完成 (the reject and close tables
  // print 30002 twice; the approve table's 30003 for finished is taken for all three).
  already_approved: 30001,
  already_closed: 30002,
  already_finished: 30003,
  // CDN refresh tasks: url不能为空, 非法的url域名, 刷新模式不支持, CDN厂商不支持.
  cdn_urls_empty: 30001,
  cdn_url_invalid: 30002,
  cdn_mode_unsupported: 30003,
  cdn_provider_unsupported: 30004,
};

/**
 * The platform API is Django REST framework: errors are `{error_code, message}` with the HTTP
 * status, lists are DRF pages, actions answer `{message: "success"}` (seed 003).
 */
export class PlatformEnvelope implements CompatEnvelope {
  readonly family = 'platform' as const;

  /** `errorCode` lets an endpoint send the code its seed table names (e.g. 300001). */
  renderError(problem: Problem, errorCode: number = PlatformEnvelope.errorCodeFor(problem)): CompatErrorResponse {
    return {
      status: problem.status,
      body: {
        error_code: errorCode,
        message: problem.message,
        ...(problem.field === undefined ? {} : { field: problem.field }),
      },
    };
  }

  /**
   * Seed 003 numbers its codes per endpoint, so the default follows their most common meanings:
   * 30001 the current state refuses the request (already approved, name already exists): 409,
   * or 400 without a field; 30002 something named is invalid, missing or not allowed (invalid
   * url, template not found, no grant permission): 400 with a field, 401, 403, 404 and other
   * 4xx; 30004 unknown error: 5xx. The seed's tables type error_code as Number.
   */
  static errorCodeFor(problem: Problem): number {
    const named = problem.reason === undefined ? undefined : REASON_CODES[problem.reason];
    if (named !== undefined) return named;
    if (problem.status >= 500) return 30004;
    if (problem.status === 409 || (problem.status === 400 && problem.field === undefined)) {
      return 30001;
    }
    return 30002;
  }

  static success(): { message: 'success' } {
    return { message: 'success' };
  }

  /**
   * A DRF page with absolute links built from the request URL, keeping its other parameters.
   * The seed's tables and examples name the previous link `prev` while DRF sends `previous`;
   * both are sent so clients of either read it.
   */
  static page<T>(
    items: T[],
    total: number,
    page: number,
    pageSize: number,
    requestUrl: string,
    pageParam = 'page',
  ): PlatformPage<T> {
    const link = (n: number): string => {
      const url = new URL(requestUrl);
      // Like DRF, the link to the first page drops the page parameter.
      if (n === 1) url.searchParams.delete(pageParam);
      else url.searchParams.set(pageParam, String(n));
      return url.toString();
    };
    const next = page * pageSize < total ? link(page + 1) : null;
    const previous = page > 1 ? link(page - 1) : null;
    return { count: total, next, previous, prev: previous, results: items };
  }
}
