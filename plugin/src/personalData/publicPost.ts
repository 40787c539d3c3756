// Whether an imported message puts personal data in public: its body, read by the same detector the
// reply composer guards with, on a public message. Sets Social_Interaction__c.Contains_Personal_Data__c,
// which Catch me up turns into "ask the customer to take it down" (docs/interactions.md).
import { findPersonalData } from './socialPersonalDataGuard.js';

export function publicPersonalData(visibility: string | undefined, body: string | undefined | null): boolean {
  return visibility === 'Public' && typeof body === 'string' && findPersonalData(body).length > 0;
}
