/**
 * Fault injection: scripted failures for the next N requests of a route, so that client tests can assert
 * retries, timeouts and truncation against a real HTTP server.
 */
import type { EmulatorRouteName } from './routes';

export interface FaultSpec {
  /** Route the fault applies to, or `*` for every route. */
  route: EmulatorRouteName | '*';
  /** How many matching requests it applies to. @default 1 */
  times?: number;
  /** Answer with this status instead of running the route. */
  status?: number;
  /** Body of that answer (objects are sent as JSON). @default `{"detail": "injected fault", "code": "..."}` */
  body?: string | Record<string, unknown> | unknown[];
  /** `Retry-After` header of that answer (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** Extra headers of that answer. */
  headers?: Record<string, string>;
  /** Wait this long before sending the response headers. */
  delayHeadersMs?: number;
  /** Send the headers, then wait this long before the body. */
  delayBodyMs?: number;
  /** Send the full Content-Length but only this many body bytes, then destroy the socket. */
  truncateAfterBytes?: number;
  /** Destroy the connection without answering. */
  reset?: boolean;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** The emulator's fault registry. Faults are consumed in the order they were added. */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];

  /** Adds a fault; returns `this` so calls chain. */
  add(spec: FaultSpec): this {
    this.active.push({ spec, remaining: spec.times ?? 1 });
    return this;
  }

  /** Removes every pending fault. */
  clear(): void {
    this.active.length = 0;
  }

  /** Faults not yet used up. */
  pending(): FaultSpec[] {
    return this.active.filter((f) => f.remaining > 0).map((f) => f.spec);
  }

  /** Takes the next fault for `route`, if any (internal). */
  take(route: EmulatorRouteName | 'unknown'): FaultSpec | undefined {
    const found = this.active.find(
      (f) => f.remaining > 0 && (f.spec.route === '*' || f.spec.route === route),
    );
    if (!found) return undefined;
    found.remaining--;
    return found.spec;
  }
}
