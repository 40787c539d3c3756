// Types of preview/server.mjs for the TypeScript tests that start it.
export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export function startPreviewServer(options: {
  org: { url: string; accessToken: string };
  userId: string;
  port?: number;
}): Promise<PreviewServer>;
