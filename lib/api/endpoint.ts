/**
 * One API endpoint: its method and path, and (as types only) what it takes
 * and what it answers, so `apiFetch(endpoint, …)` is typed by the contract.
 */
export interface Endpoint<Request, Response> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  /** Never set: carries the request and response types. */
  readonly types?: (request: Request) => Response;
}
