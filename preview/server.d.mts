// Types of preview/server.mjs for the TypeScript tests that start it.
export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export function startPreviewServer(options: {
  /** With `users` (a LocalOrg's), the page can sign in as any of them (the `preview-user` cookie). */
  org: {
    url: string;
    accessToken: string;
    users?: Array<{ key: string; id: string; username: string; accessToken: string }>;
  };
  userId: string;
  port?: number;
}): Promise<PreviewServer>;
