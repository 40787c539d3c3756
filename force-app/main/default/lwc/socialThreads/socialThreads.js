// Groups interactions into conversation threads by Thread_Key__c. A thread can hop channels
// (a public mention continued by direct message and email), so the key, not the network, decides.
import { isOpen } from 'c/socialSla';

/** The thread an interaction belongs to; one without a key is a thread of its own. */
export function threadKeyOf(interaction) {
    return interaction.threadKey || interaction.externalId || interaction.id;
}

const byPostedAtAscending = (a, b) => (a.postedAt || 0) - (b.postedAt || 0) || String(a.id).localeCompare(String(b.id));

/**
 * @param {object[]} interactions plain interactions, any order
 * @returns {object[]} threads, most recent activity first; each thread's interactions oldest first
 *   so it reads as a conversation. networks lists each channel once, in the order the thread used it.
 */
export function groupIntoThreads(interactions) {
    const threads = new Map();
    (interactions || []).forEach((interaction) => {
        const key = threadKeyOf(interaction);
        if (!threads.has(key)) {
            threads.set(key, []);
        }
        threads.get(key).push(interaction);
    });
    const result = [];
    threads.forEach((members, key) => {
        const ordered = [...members].sort(byPostedAtAscending);
        const networks = [];
        const people = [];
        ordered.forEach((interaction) => {
            if (interaction.network && !networks.includes(interaction.network)) {
                networks.push(interaction.network);
            }
            if (interaction.contactName && !people.includes(interaction.contactName)) {
                people.push(interaction.contactName);
            }
        });
        const latest = ordered[ordered.length - 1];
        result.push({
            key,
            interactions: ordered,
            latestAt: latest.postedAt || 0,
            networks,
            people,
            hopsChannels: networks.length > 1,
            hasPrivate: ordered.some((interaction) => interaction.visibility === 'Private'),
            openCount: ordered.filter((interaction) => interaction.direction === 'Inbound' && isOpen(interaction))
                .length
        });
    });
    return result.sort((a, b) => b.latestAt - a.latestAt || String(a.key).localeCompare(String(b.key)));
}

/**
 * What each thread is as a whole, from every member the org has (any order), not only those a
 * page brought: its head (the oldest message, which decides "we started" or "started by") and how
 * many messages it holds. A page boundary or a filter cuts threads; these facts do not move.
 * @param {object[]} members plain interactions of the threads asked about
 * @param {{complete?: boolean}} [options] complete false: the answer was cut short (more members
 *   than one request returns), so counts are lower bounds
 * @returns {Map<string, {head: object, count: number, complete: boolean}>} by thread key
 */
export function wholeThreads(members, { complete = true } = {}) {
    const result = new Map();
    (members || []).forEach((interaction) => {
        const key = threadKeyOf(interaction);
        const known = result.get(key);
        if (!known) {
            result.set(key, { head: interaction, count: 1, complete });
            return;
        }
        known.count += 1;
        if (byPostedAtAscending(interaction, known.head) < 0) {
            known.head = interaction;
        }
    });
    return result;
}
