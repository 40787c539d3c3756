// Types of examples/webhook-receiver.mjs for the TypeScript tests and benchmarks that start it.
export declare const TIMESTAMP_TOLERANCE_SECONDS: number;

export interface ReceivedPost {
  postId: string;
  permalink: string;
  payload: Record<string, unknown>;
  rawBody: Buffer;
}

export interface Receiver {
  url: string;
  posts: Map<string, ReceivedPost>;
  requests: Array<{ key: string | undefined; at: number }>;
  close(): Promise<void>;
}

export type Intercept = (
  request: { key: string; headers: Record<string, string | string[] | undefined>; rawBody: Buffer },
  receiver: Receiver,
) => { status: number; body?: unknown; headers?: Record<string, string> } | 'reset-after-post' | undefined;

export declare function startReceiver(options: {
  secret: string;
  port?: number;
  latencyMs?: number;
  deletedPosts?: Set<string>;
  intercept?: Intercept;
}): Promise<Receiver>;

export declare function verifySignature(options: {
  secret: string;
  timestamp: string | undefined;
  signatureHeader: string | undefined;
  rawBody: Buffer;
  nowSeconds?: number;
}): boolean;
