// An example receiver for `sf social replies deliver` (Node.js standard library only): it checks each
// request's signature and timestamp, de-duplicates by Idempotency-Key, "posts" the reply (here: keeps it
// in memory under a new post id) and answers with the receipt. A real receiver would post to the
// network where this one stores. docs/delivery.md explains the contract; its signature check is the
// verifySignature function below. The tests and `npm start` use it.
//
//   SOCIAL_BRIDGE_WEBHOOK_SECRET=... node examples/webhook-receiver.mjs [--port 8787]
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** A request older or newer than this is refused: a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

/**
 * True when `signatureHeader` is `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` under `secret` and the
 * timestamp is within the tolerance of `nowSeconds`. `rawBody` is the exact bytes received, as a Buffer:
 * verify before parsing the JSON.
 */
export function verifySignature({ secret, timestamp, signatureHeader, rawBody, nowSeconds = Date.now() / 1000 }) {
  if (!/^\d+$/.test(timestamp ?? '') || Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return false;
  }
  const expected = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]))
    .digest();
  const given = /^v1=([0-9a-f]{64})$/.exec(signatureHeader ?? '');
  return given !== null && timingSafeEqual(Buffer.from(given[1], 'hex'), expected);
}

/**
 * Starts the receiver on 127.0.0.1. Options:
 * - secret: the shared secret (required)
 * - port: 0 for any free port
 * - latencyMs: time the "network" takes to post each reply
 * - deletedPosts: post ids (as in the payload's inReplyTo) deleted on the network: a reply to one is refused
 * - intercept(request, receiver): for tests and demos, may return what to do instead of the normal
 *   answer: { status, body, headers } to answer that, or 'reset-after-post' to post the reply and then
 *   drop the connection before answering (a lost answer).
 * Returns { url, posts, requests, close() }: posts by Idempotency-Key; every request's key and time.
 */
export async function startReceiver({ secret, port = 0, latencyMs = 0, deletedPosts = new Set(), intercept } = {}) {
  if (!secret) throw new Error('the receiver needs the shared secret');
  const posts = new Map();
  const requests = [];
  let nextPost = 1;
  const receiver = { url: '', posts, requests, close: undefined };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks), res).catch((error) => {
        answer(res, 500, { error: `receiver failed: ${error.message}` });
      });
    });
  });

  async function handle(req, rawBody, res) {
    const key = req.headers['idempotency-key'];
    requests.push({ key, at: Date.now() });
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
    const signed = verifySignature({
      secret,
      timestamp: req.headers['x-social-bridge-timestamp'],
      signatureHeader: req.headers['x-social-bridge-signature'],
      rawBody,
    });
    if (!signed) return answer(res, 401, { error: 'signature does not match: check SOCIAL_BRIDGE_WEBHOOK_SECRET' });
    const special = intercept?.({ key, headers: req.headers, rawBody }, receiver);
    if (special && special !== 'reset-after-post') {
      return answer(res, special.status, special.body ?? {}, special.headers);
    }
    if (typeof key !== 'string' || key === '') return answer(res, 400, { error: 'Idempotency-Key header missing' });
    const earlier = posts.get(key);
    if (earlier) return answer(res, 409, { postId: earlier.postId, permalink: earlier.permalink });
    let payload;
    try {
      payload = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return answer(res, 400, { error: 'body is not JSON' });
    }
    if (payload.inReplyTo && deletedPosts.has(payload.inReplyTo)) {
      return answer(res, 422, { error: `the post ${payload.inReplyTo} was deleted on ${payload.network}` });
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Checked again: a retry of the same key may have arrived while this one was posting.
    const raced = posts.get(key);
    if (raced) return answer(res, 409, { postId: raced.postId, permalink: raced.permalink });
    const postId = `p${Date.now().toString(36)}${(nextPost++).toString(36)}`;
    const permalink = `https://social.example/${encodeURIComponent(payload.network)}/posts/${postId}`;
    posts.set(key, { postId, permalink, payload, rawBody });
    if (special === 'reset-after-post') {
      req.socket.destroy();
      return undefined;
    }
    return answer(res, 201, { postId, permalink });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  receiver.url = `http://127.0.0.1:${server.address().port}/social-bridge`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

function answer(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function invokedDirectly() {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' } } });
  const secret = process.env.SOCIAL_BRIDGE_WEBHOOK_SECRET;
  if (!secret) {
    process.stderr.write('Set SOCIAL_BRIDGE_WEBHOOK_SECRET to the secret sf social replies deliver signs with.\n');
    process.exit(1);
  }
  const receiver = await startReceiver({ secret, port: Number(values.port) });
  process.stdout.write(`receiver listening at ${receiver.url}\n`);
}
