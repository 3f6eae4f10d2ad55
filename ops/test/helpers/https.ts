import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";

export interface HttpsResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpsRequest {
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** PEM of the CA that signed the server's certificate; nothing else is trusted. */
  ca: string;
}

/** Sends one HTTPS request, trusting only the given CA, and returns the whole response. */
export function httpsRequest(url: string, request: HttpsRequest): Promise<HttpsResponse> {
  const body = request.json === undefined ? undefined : JSON.stringify(request.json);
  const headers: Record<string, string> = { ...request.headers };
  if (body !== undefined) headers["content-type"] = "application/json";

  return new Promise((resolve, reject) => {
    const outgoing = https.request(
      url,
      // IPv4 because the proxy is published on 127.0.0.1 and "localhost" may resolve to ::1 first.
      { method: request.method ?? "GET", headers, ca: request.ca, timeout: 30_000, family: 4 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${url} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
