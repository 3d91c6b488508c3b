// The family's route table, read from its controllers' metadata, to tell "no such path" (404)
// from "this path, another method" (405), as the original's router does.
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { CmdbIdPipe } from './cmdb-params';

export interface RoutePattern {
  method: string;
  segments: string[];
  /** Path parameters read through CmdbIdPipe: like the original's `<int:…>`, they match digits only. */
  intParams: ReadonlySet<string>;
}

/** The handler's path parameters that go through CmdbIdPipe. */
function intParamsOf(controller: Type<unknown>, handler: string): Set<string> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { data?: unknown; pipes?: unknown[] }
  >;
  const names = Object.values(args)
    .filter(
      (a) => typeof a.data === 'string' && (a.pipes ?? []).some((p) => p === CmdbIdPipe || p instanceof CmdbIdPipe),
    )
    .map((a) => a.data as string);
  return new Set(names);
}

function segmentsOf(...parts: string[]): string[] {
  return parts
    .join('/')
    .split('/')
    .filter((s) => s !== '');
}

/** Every route of these controllers under `prefix`, as method + path segments (`:x` matches any one). */
export function routeTable(prefix: string, controllers: readonly Type<unknown>[]): RoutePattern[] {
  const routes: RoutePattern[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const bases = Array.isArray(base) ? base : [base ?? ''];
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (method === undefined || path === undefined) continue;
      const intParams = intParamsOf(controller, name);
      for (const b of bases) {
        for (const p of Array.isArray(path) ? path : [path]) {
          routes.push({ method: RequestMethod[method], segments: segmentsOf(prefix, b, p), intParams });
        }
      }
    }
  }
  return routes;
}

function matches(route: RoutePattern, segments: readonly string[]): boolean {
  return (
    route.segments.length === segments.length &&
    route.segments.every((s, i) =>
      s.startsWith(':') ? !route.intParams.has(s.slice(1)) || CmdbIdPipe.SEGMENT.test(segments[i]) : s === segments[i],
    )
  );
}

/**
 * The methods a path answers to, when the method asked is not among them: undefined when the path
 * is unknown or the method is fine (HEAD goes with GET).
 */
export function otherMethods(routes: readonly RoutePattern[], method: string, path: string): string[] | undefined {
  const segments = segmentsOf(path);
  const allowed = new Set(routes.filter((r) => matches(r, segments)).map((r) => r.method));
  if (allowed.size === 0 || allowed.has(method) || allowed.has('ALL') || (method === 'HEAD' && allowed.has('GET'))) {
    return undefined;
  }
  return [...allowed].sort();
}
