// Types for sfStateFingerprint.mjs, so the TypeScript tests can check the runner's home guard.
export declare const SF_STATE_FOLDERS: string[];
export declare function fingerprintSfState(home: string): Map<string, string>;
export declare function describeChanges(before: Map<string, string>, after: Map<string, string>): string[];
