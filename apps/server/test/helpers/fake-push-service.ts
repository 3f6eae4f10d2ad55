import { createECDH, randomBytes, randomUUID } from "node:crypto";
import type { ECDH } from "node:crypto";
import { Agent, createServer } from "node:https";
import type { Server } from "node:https";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";
import { generate } from "selfsigned";

import type { PushTransport } from "../../src/features/notifications/push.service";

/** A push message as the fake service received it, decrypted with the subscriber's keys. */
export interface ReceivedPush {
  subscriptionKey: string;
  headers: Record<string, string | string[] | undefined>;
  payload: Record<string, unknown>;
}

export interface FakeSubscription {
  /** The last path segment of the endpoint, which names the subscription in this fake. */
  key: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * A push service on loopback that speaks HTTPS with a self-signed certificate made for this run.
 * It keeps each subscriber's private key, so it decrypts what the server sent (RFC 8291) and
 * tests can assert the notification's content, not just that a request arrived.
 */
export class FakePushService {
  readonly received: ReceivedPush[] = [];
  private readonly subscribers = new Map<string, { ecdh: ECDH; auth: string }>();
  private readonly statuses = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly transport: PushTransport,
    private readonly port: number,
  ) {}

  static async start(): Promise<FakePushService> {
    const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
      keyType: "ec",
      algorithm: "sha256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
    });
    // The request handler needs the instance, which exists only after the server listens.
    const created: { service?: FakePushService } = {};
    const server = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const status = created.service!.accept(
          request.url ?? "",
          request.headers,
          Buffer.concat(chunks),
        );
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // Trusts this run's certificate only, the way a server trusts a real push service's CA.
    const agent = new Agent({ ca: pems.cert, keepAlive: true });
    const port = (server.address() as AddressInfo).port;
    const service = new FakePushService(server, { agent, allowPrivateHosts: true }, port);
    created.service = service;
    return service;
  }

  createSubscription(): FakeSubscription {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = randomBytes(16).toString("base64url");
    const key = randomUUID();
    this.subscribers.set(key, { ecdh, auth });
    return {
      key,
      endpoint: `https://127.0.0.1:${this.port}/push/${key}`,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth },
    };
  }

  /** Makes the service respond to every later push to a subscription with this status. */
  respondWith(subscriptionKey: string, status: number): void {
    this.statuses.set(subscriptionKey, status);
  }

  receivedBy(subscriptionKey: string): ReceivedPush[] {
    return this.received.filter((push) => push.subscriptionKey === subscriptionKey);
  }

  async close(): Promise<void> {
    this.transport.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(
    path: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): number {
    const key = /^\/push\/([0-9a-f-]{36})$/.exec(path)?.[1];
    const subscriber = key ? this.subscribers.get(key) : undefined;
    if (!key || !subscriber) return 404;

    const status = this.statuses.get(key) ?? 201;
    if (status >= 200 && status < 300) {
      const plaintext = decrypt(body, {
        version: "aes128gcm",
        privateKey: subscriber.ecdh,
        authSecret: subscriber.auth,
      });
      this.received.push({
        subscriptionKey: key,
        headers,
        payload: JSON.parse(plaintext.toString("utf8")) as Record<string, unknown>,
      });
    }
    return status;
  }
}
