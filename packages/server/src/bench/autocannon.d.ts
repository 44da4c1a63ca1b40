// The part of autocannon 9's API that screening-http.bench.ts uses (the package ships no types).
declare module 'autocannon' {
  /** A distribution as autocannon reports it (milliseconds for latency, per second for requests). */
  export interface Distribution {
    average: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
  }
  export interface Result {
    latency: Distribution;
    requests: Distribution & { total: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  export interface Request {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Request[];
  }
  /** A running load test: resolves to the result, and says when each response came. */
  export interface Tracker extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
  }
  /** Run a load test; without a callback it resolves to the result. */
  export default function autocannon(options: Options): Tracker;
}
