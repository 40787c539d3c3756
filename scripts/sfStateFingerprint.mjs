// A fingerprint of the folders where the sf CLI and @salesforce/core keep a user's state, so the
// test runner can prove a run left them byte-for-byte as they were.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Relative to a home folder: auth files and aliases, sf's caches, config and linked plugins. */
export const SF_STATE_FOLDERS = ['.sf', '.sfdx', '.cache/sf', '.config/sf', '.local/share/sf', '.local/state/sf'];

/** Map of path (relative to home) to what it is: "dir", "missing", a symlink target or a content hash. */
export function fingerprintSfState(home) {
  const entries = new Map();
  for (const folder of SF_STATE_FOLDERS) {
    walk(home, join(home, folder), entries);
  }
  return entries;
}

function walk(home, path, entries) {
  const key = relative(home, path);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    entries.set(key, 'missing');
    return;
  }
  if (stat.isSymbolicLink()) {
    entries.set(key, `link -> ${readlinkSync(path)}`);
  } else if (stat.isDirectory()) {
    entries.set(key, 'dir');
    for (const name of readdirSync(path).sort()) walk(home, join(path, name), entries);
  } else {
    let digest;
    try {
      digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    } catch (error) {
      digest = `unreadable (${error.code})`;
    }
    entries.set(key, `file ${stat.size} bytes ${digest}`);
  }
}

/** One line per path that differs between two fingerprints. */
export function describeChanges(before, after) {
  const changes = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(path) ?? 'missing';
    const is = after.get(path) ?? 'missing';
    if (was !== is) changes.push(`~/${path}: ${was} -> ${is}`);
  }
  return changes.sort();
}
