// Types for nodeVersion.js, which stays plain JavaScript so that an old Node can run it.
export declare const REQUIRED_MAJOR: number;
export declare function unsupportedNode(version?: string, executable?: string): string | undefined;
export declare function exitOnUnsupportedNode(): void;
