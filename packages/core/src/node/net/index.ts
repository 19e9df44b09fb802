export { createHttp, type HttpClient, type HttpOptions } from "./http.js";
export { mapWithConcurrency } from "./concurrency.js";
