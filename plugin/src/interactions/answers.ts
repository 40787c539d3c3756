// Questions already in the org that this export answers: an inbound interaction still Needs_Response
// whose thread now holds the company's outbound message posted at or after it. They are marked
// Responded with First_Response_At__c, which the SLA highlighting and "catch me up" read. Answers
// within the file itself are handled when the interactions are created (status.ts).
import type { ReadRound } from './readRound.js';

export interface OutboundMessage {
  threadKey: string;
  postedAtMs: number;
}

export interface OpenQuestion {
  External_Id__c: string;
  Thread_Key__c: string;
  Posted_At__c: string;
}

/** Pure: the updates for open questions that an outbound message in the same thread answers. */
export function answerUpdates(
  questions: readonly OpenQuestion[],
  outbound: Iterable<OutboundMessage>,
  fileIds: { has(externalId: string): boolean },
): Array<Record<string, unknown>> {
  const byThread = new Map<string, number[]>();
  for (const message of outbound) {
    const times = byThread.get(message.threadKey) ?? [];
    times.push(message.postedAtMs);
    byThread.set(message.threadKey, times);
  }
  for (const times of byThread.values()) times.sort((a, b) => a - b);
  const updates: Array<Record<string, unknown>> = [];
  for (const question of questions) {
    // Rows of the file are planned on their own; only records the file does not mention are updated here.
    if (fileIds.has(question.External_Id__c)) continue;
    const askedAt = Date.parse(question.Posted_At__c.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    const answeredAt = byThread.get(question.Thread_Key__c)?.find((time) => time >= askedAt);
    if (answeredAt === undefined) continue;
    updates.push({
      External_Id__c: question.External_Id__c,
      Status__c: 'Responded',
      First_Response_At__c: new Date(answeredAt).toISOString(),
      Status_Reason__c: 'Import: answered in the same thread by the company',
    });
  }
  return updates;
}

/** Adds the read of the open questions in these threads to `round`; their records, once it has run. */
export function readOpenQuestions(round: ReadRound, threadKeys: Iterable<string>): () => OpenQuestion[] {
  return round.inList<OpenQuestion>(
    "SELECT External_Id__c, Thread_Key__c, Posted_At__c FROM Social_Interaction__c WHERE Status__c = 'Needs_Response' AND Direction__c = 'Inbound' AND Thread_Key__c",
    threadKeys,
  );
}
