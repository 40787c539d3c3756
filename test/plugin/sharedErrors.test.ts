// The error texts every command shares live once, in plugin/messages/social.errors.md: each code the
// library throws has its message and actions there, no command's messages file carries a copy of its
// own (copies had drifted apart), and the daily limit keeps each command's own words about its run.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Messages, type SfError } from '@salesforce/core';
import { MappingError, type MappingErrorCode } from '../../plugin/src/mappings/problem.js';
import { DailyLimitError } from '../../plugin/src/org/errors.js';
import { toSfError } from '../../plugin/src/terminal/sfError.js';
import { pluginRoot } from '../support/inProcessCommand.js';

// A Record, so that tsc (npm run lint) fails here when a code is added to MappingErrorCode.
const CODES: Record<MappingErrorCode, true> = {
  InvalidMappingFile: true,
  MappingFileNotFound: true,
  SourceNotFound: true,
  SourceOutsideFolder: true,
  MalformedSource: true,
  OrgRejectedQuery: true,
  ResultsOfADeploy: true,
};

const messagesDir = join(pluginRoot, 'messages');
const headingsOf = (file: string): string[] =>
  [...readFileSync(join(messagesDir, file), 'utf8').matchAll(/^# (.+)$/gm)].map((match) => (match[1] ?? '').trim());

Messages.importMessagesDirectory(pluginRoot);

describe('shared error messages (plugin/messages/social.errors.md)', () => {
  it.each(Object.keys(CODES))('%s becomes an error with its message, the problem and what to do', (code) => {
    const problem = { file: '/tmp/mapping.yaml', line: 3, column: 5, message: 'what went wrong here' };
    const error = toSfError(new MappingError(code as MappingErrorCode, [problem])) as SfError;
    expect(error.name).toBe(`${code}Error`);
    expect(error.message).toContain('/tmp/mapping.yaml:3:5: what went wrong here');
    expect(error.actions?.length).toBeGreaterThan(0);
    expect(error.data).toEqual({ problems: [problem] });
  });

  // The run texts (info.dailyLimit*) are the ones a command may give in its own words.
  it('no command messages file repeats a shared error', () => {
    const shared = new Set(headingsOf('social.errors.md').filter((key) => key.startsWith('error.')));
    const repeated = readdirSync(messagesDir)
      .filter((file) => file !== 'social.errors.md' && file.endsWith('.md'))
      .flatMap((file) => headingsOf(file).flatMap((key) => (shared.has(key) ? [`${file}: # ${key}`] : [])));
    expect(repeated).toEqual([]);
  });

  it("the daily limit: one text, each command's words for its own run and the exact command to run again", () => {
    const stopped = new DailyLimitError('TotalRequests Limit exceeded.', { used: 15000, max: 15000 });
    stopped.stoppedRun = { resultsDir: '/tmp/results', rows: 10, notAttempted: 4 };
    const command = { id: 'social:mappings:deploy', argv: ['--file', 'my map.yaml'], config: { bin: 'sf' } };
    const deploy = toSfError(stopped, command) as SfError;
    expect(deploy.name).toBe('DailyLimitError');
    expect(deploy.message).toContain('6 rows were done and are in their results files in /tmp/results');
    expect(deploy.actions?.[1]).toMatch(
      /upsert by external id.*The command: sf social mappings deploy --file 'my map\.yaml'$/,
    );

    const deliverTexts = Messages.loadMessages('@social-bridge/plugin-social', 'social.replies.deliver');
    const deliver = toSfError(stopped, { ...command, id: 'social:replies:deliver', argv: [] }, deliverTexts) as SfError;
    expect(deliver.message).toContain('6 replies were handled and are listed in /tmp/results; 4 were not sent');
    expect(deliver.actions?.[1]).toMatch(/same Idempotency-Key.*The command: sf social replies deliver$/);
  });
});
