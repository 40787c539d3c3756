// How the org says no, told apart: what is worth sending again (503, the concurrent-request limit, a
// dropped connection), the daily API allowance (never retried: the run stops and says how to resume),
// and per-record save errors as one line. OrgClient decides with these; commands report with them.

/** The reason on every record a run did not send because the daily API allowance was used up. */
export const NOT_ATTEMPTED = 'NOT_ATTEMPTED';

/**
 * The org refused a call because its daily API allowance is used up (403 REQUEST_LIMIT_EXCEEDED
 * "TotalRequests Limit exceeded."). Salesforce counts calls over a rolling 24 hours, so capacity comes
 * back as the calls of the last 24 hours age out; retrying now only fails again, so the client stops.
 */
export class DailyLimitError extends Error {
  public readonly errorCode = 'REQUEST_LIMIT_EXCEEDED';
  /** The org's count and allowance when it refused (Sforce-Limit-Info), if it said. */
  public readonly usage?: { used: number; max: number };
  public readonly at: Date;

  public constructor(orgMessage: string, usage?: { used: number; max: number }, at = new Date()) {
    super(
      `the org's daily API request limit is used up (${orgMessage.trim()}${usage ? ` ${usage.used} of ${usage.max} calls in the last 24 hours` : ''})`,
    );
    this.name = 'DailyLimitError';
    if (usage) this.usage = usage;
    this.at = at;
  }

  /** Set by the command's library code once the results are written: where they are, and the counts. */
  public stoppedRun?: { resultsDir: string; rows: number; notAttempted: number };

  /** The error text for a record that was not sent because of it. */
  public get notAttempted(): string {
    return `${NOT_ATTEMPTED}: not sent: ${this.message}; run the same command again once the limit allows (a rerun is safe: every write is an upsert by external id)`;
  }
}

export type TransientKind = 'not-processed' | 'concurrent-limit' | 'daily-limit' | 'connection';

/**
 * What kind of failure an error is: the org did not process the request (503), the concurrent-request
 * limit, the daily limit (both 403 REQUEST_LIMIT_EXCEEDED, told apart by the message: the daily one is
 * "TotalRequests Limit exceeded."), or a dropped connection (the request may or may not have been
 * processed). Undefined for anything else: the org's answer stands.
 */
export function transientKind(error: unknown): TransientKind | undefined {
  const errorCode = errorCodeOf(error);
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    return /TotalRequests/i.test(messageOf(error)) ? 'daily-limit' : 'concurrent-limit';
  }
  if (['SERVER_UNAVAILABLE', 'ERROR_HTTP_503', 'ERROR_HTTP_502', 'ERROR_HTTP_504'].includes(errorCode ?? ''))
    return 'not-processed';
  // undici reports a dropped connection as TypeError("fetch failed") with the socket error as its cause.
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth += 1) {
    const { code, message } = cause as { code?: string; message?: string };
    if (
      ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code ?? '') ||
      /socket hang up|ECONNRESET|other side closed/i.test(message ?? '')
    ) {
      return 'connection';
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The org's error code and message. A request read as plain text (Bulk API result files) gets an error
 * answer unparsed, as ERROR_HTTP_<status> with the JSON body for a message: read the org's own out of it.
 */
export function orgError(error: unknown): { errorCode?: string; message: string } {
  const { errorCode } = (error ?? {}) as { errorCode?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof errorCode === 'string' && errorCode.startsWith('ERROR_HTTP_') && message.trim().startsWith('[')) {
    try {
      const [first] = JSON.parse(message) as Array<{ errorCode?: string; message?: string }>;
      if (first?.errorCode) return { errorCode: first.errorCode, message: first.message ?? message };
    } catch {
      // not the org's JSON: keep what jsforce said
    }
  }
  return { ...(typeof errorCode === 'string' ? { errorCode } : {}), message };
}

export function errorCodeOf(error: unknown): string | undefined {
  return orgError(error).errorCode;
}

export function messageOf(error: unknown): string {
  return orgError(error).message;
}

export function isLockError(error: string | undefined): boolean {
  return error !== undefined && /UNABLE_TO_LOCK_ROW/.test(error);
}

/** A failed subrequest as the error a plain request would have thrown (errorCode, message). */
export function subrequestError(subresponse: { httpStatusCode: number; body: unknown }, queryIndex: number): Error {
  const [first] = Array.isArray(subresponse.body)
    ? (subresponse.body as Array<{ errorCode?: string; message?: string }>)
    : [];
  return Object.assign(new Error(first?.message ?? `HTTP ${subresponse.httpStatusCode}`), {
    errorCode: first?.errorCode ?? `ERROR_HTTP_${subresponse.httpStatusCode}`,
    queryIndex,
  });
}

export function formatSaveErrors(
  errors: Array<{ statusCode?: string; errorCode?: string; message?: string; fields?: string[] }>,
): string {
  if (errors.length === 0) return 'failed without an error message';
  return errors
    .map(
      (error) =>
        `${error.statusCode ?? error.errorCode ?? 'ERROR'}: ${error.message ?? ''}${error.fields && error.fields.length > 0 ? ` (${error.fields.join(', ')})` : ''}`,
    )
    .join('; ');
}
