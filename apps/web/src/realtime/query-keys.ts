import type { RouterInputs } from "@tandem/api";
import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * tRPC's React Query keys are `[["task", "list"], { input, type }]`. The live cache walks the
 * queries of one procedure and reads their input, so it needs that shape; a unit test holds it
 * to what @trpc/tanstack-react-query generates.
 */
type Routers = keyof RouterInputs & string;
/** Every query procedure of the API, e.g. "task.list": derived from the router, so none can be misspelt. */
export type ProcedurePath = { [R in Routers]: `${R}.${keyof RouterInputs[R] & string}` }[Routers];

/** Matches every query of a procedure, whatever its input (React Query matches keys by prefix). */
export function procedureKey(path: ProcedurePath): QueryKey {
  return [path.split(".")];
}

/** Matches a procedure's queries in one workspace, whatever else their input holds (partial match). */
export function workspaceKey(path: ProcedurePath, workspaceSlug: string): QueryKey {
  return [path.split("."), { input: { workspaceSlug } }];
}

/** A query key for one input, as tRPC builds it. */
export function procedureQueryKey(path: ProcedurePath, input: unknown, type: "query" | "infinite" = "query"): QueryKey {
  return [path.split("."), { input, type }];
}

export function inputOf<T>(queryKey: QueryKey): T | undefined {
  const meta = queryKey[1] as { input?: T } | undefined;
  return meta?.input;
}

/** Queries of one procedure in one workspace (every input carries `workspaceSlug`). */
export function queriesOf<TInput extends { workspaceSlug: string }>(
  queryClient: QueryClient,
  path: ProcedurePath,
  workspaceSlug: string,
): { query: Query; input: TInput }[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: procedureKey(path) })
    .flatMap((query) => {
      const input = inputOf<TInput>(query.queryKey);
      return input?.workspaceSlug === workspaceSlug ? [{ query, input }] : [];
    });
}
