/**
 * One request to the Worker's admin routes, for the command-line tools: the ADMIN_KEY as a
 * bearer token, 429 and 503 retried after Retry-After, any other refusal an AdminError naming the
 * Worker's error code.
 */
export class AdminError extends Error {
  constructor(
    message: string,
    /** The HTTP status the Worker answered, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AdminClient {
  /** A JSON body (or none) in, the JSON answer out. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A body sent as given (an index file's bytes), the JSON answer out. */
  send<T>(
    method: string,
    path: string,
    body: Uint8Array<ArrayBuffer> | string,
    contentType: string,
  ): Promise<T>;
}

export function adminClient(
  url: string,
  key: string | undefined,
  log = (line: string) => process.stderr.write(`${line}\n`),
): AdminClient {
  if (!key)
    throw new AdminError('no admin key: pass --key or set ADMIN_KEY (the Worker secret of the same name)');
  const base = url.replace(/\/+$/, '');
  async function send<T>(
    method: string,
    path: string,
    body?: Uint8Array<ArrayBuffer> | string,
    contentType?: string,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${key}`,
            ...(contentType ? { 'Content-Type': contentType } : {}),
          },
          ...(body === undefined ? {} : { body }),
        });
      } catch (err) {
        throw new AdminError(
          `${method} ${base}${path}: ${(err as Error).cause ?? (err as Error).message} (is the Worker running at ${base}?)`,
        );
      }
      const text = await res.text();
      if ((res.status === 429 || res.status === 503) && attempt < 5) {
        const wait = Math.min(Number(res.headers.get('Retry-After')) || 2, 30);
        log(`${method} ${path}: ${res.status}, retrying in ${wait} s`);
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      if (!res.ok) {
        let detail = text.slice(0, 500);
        try {
          const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
          if (error) detail = `${error.code}: ${error.message}`;
        } catch {
          // not JSON: shown as is
        }
        const hint =
          res.status === 404
            ? ' (the admin routes exist only when the Worker has the ADMIN_KEY secret)'
            : res.status === 401
              ? ' (check --key / $ADMIN_KEY)'
              : '';
        throw new AdminError(`${method} ${path} → HTTP ${res.status} ${detail}${hint}`, res.status);
      }
      return JSON.parse(text) as T;
    }
  }
  return {
    call: <T>(method: string, path: string, body?: unknown) =>
      body === undefined
        ? send<T>(method, path)
        : send<T>(method, path, JSON.stringify(body), 'application/json'),
    send,
  };
}
