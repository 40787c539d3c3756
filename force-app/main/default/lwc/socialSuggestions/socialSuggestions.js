// The "catch me up" rules: from one person's interactions, the next steps worth a rep's time,
// each with the facts that make it urgent now ("why now"). Pure and deterministic: the same
// interactions, channels and clock give the same ranked list. The software suggests; the rep acts.
import { SLA_STATE, isOpen, slaFor } from 'c/socialSla';
import { threadKeyOf } from 'c/socialThreads';
import { isFailed } from 'c/socialDelivery';
import { expectsAnswer } from 'c/socialMessageShape';

export const RULES = Object.freeze({
    PERSONAL_DATA_PUBLIC: 'personalDataPublic',
    FAILED_REPLY: 'failedReply',
    PUBLIC_SLA_BREACH: 'publicSlaBreach',
    PRIVATE_WENT_PUBLIC: 'privateWentPublic',
    ANSWER_ONCE: 'answerOnce',
    PURCHASE_INTENT: 'purchaseIntent',
    RECOGNISE_ADVOCATE: 'recogniseAdvocate'
});

// Higher first. Privacy before service, service before sales, sales before recognition.
const PRIORITY = Object.freeze({
    [RULES.PERSONAL_DATA_PUBLIC]: 110,
    // An answer the rep believes was given and the customer never got: before waiting SLAs.
    [RULES.FAILED_REPLY]: 105,
    [RULES.PUBLIC_SLA_BREACH]: 100,
    [RULES.PRIVATE_WENT_PUBLIC]: 90,
    [RULES.ANSWER_ONCE]: 80,
    [RULES.PURCHASE_INTENT]: 70,
    [RULES.RECOGNISE_ADVOCATE]: 40
});

export const DEFAULT_OPTIONS = Object.freeze({
    crossChannelMinutes: 60,
    praiseThreshold: 3,
    praiseDays: 30,
    purchaseDays: 14,
    privateToPublicDays: 7
});

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

const personOf = (interaction) => interaction.contactId || interaction.identityId || 'this-record';
const isInbound = (interaction) => interaction.direction === 'Inbound';
const isPublic = (interaction) => interaction.visibility === 'Public';

function suggestion(rule, interaction, params, urgency = 0) {
    return {
        key: `${rule}:${interaction.id}`,
        rule,
        priority: PRIORITY[rule],
        urgency,
        interactionId: interaction.id,
        threadKey: threadKeyOf(interaction),
        network: interaction.network,
        at: interaction.postedAt || 0,
        params
    };
}

function personalDataInPublic(interactions) {
    return interactions
        .filter((i) => isPublic(i) && i.containsPersonalData && !i.deletedOnNetwork)
        .map((i) =>
            suggestion(RULES.PERSONAL_DATA_PUBLIC, i, { network: i.network, ours: !isInbound(i) }, isInbound(i) ? 0 : 1)
        );
}

/** Our replies the receiver refused (or that ran out of attempts), not yet retried or replaced. */
function failedReplies(interactions, now) {
    return interactions
        .filter((i) => isFailed(i) && i.status !== 'Closed')
        .map((i) =>
            suggestion(
                RULES.FAILED_REPLY,
                i,
                {
                    network: i.network,
                    visibility: i.visibility,
                    minutesAgo: Math.floor((now - i.postedAt) / MINUTE),
                    error: i.deliveryError || ''
                },
                now - i.postedAt
            )
        );
}

function publicSlaBreaches(interactions, channels, now) {
    return interactions
        .map((i) => ({ interaction: i, sla: slaFor(i, channels[i.network], now) }))
        .filter(({ sla }) => sla.state === SLA_STATE.OVERDUE)
        .map(({ interaction, sla }) =>
            suggestion(
                RULES.PUBLIC_SLA_BREACH,
                interaction,
                {
                    network: interaction.network,
                    intent: interaction.intent,
                    waitedMinutes: Math.floor((now - interaction.postedAt) / MINUTE),
                    slaMinutes: sla.slaMinutes ?? Math.round((sla.dueAt - interaction.postedAt) / MINUTE)
                },
                -sla.minutesLeft
            )
        );
}

/**
 * An open inbound public message that follows a private exchange with the same person and asks
 * something of us: a public "Thanks!" after a DM closes the conversation, it does not reopen it.
 */
function privateWentPublic(interactions, options) {
    const windowMs = options.privateToPublicDays * DAY;
    return interactions
        .filter((i) => isInbound(i) && isPublic(i) && isOpen(i) && expectsAnswer(i))
        .map((publicOne) => {
            const before = interactions.filter(
                (other) =>
                    other.visibility === 'Private' &&
                    other.postedAt < publicOne.postedAt &&
                    (threadKeyOf(other) === threadKeyOf(publicOne) ||
                        (personOf(other) === personOf(publicOne) && publicOne.postedAt - other.postedAt <= windowMs))
            );
            if (!before.length) {
                return null;
            }
            const lastPrivate = before.reduce((a, b) => (b.postedAt > a.postedAt ? b : a));
            return suggestion(RULES.PRIVATE_WENT_PUBLIC, publicOne, {
                network: publicOne.network,
                privateNetwork: lastPrivate.network,
                minutesAfterPrivate: Math.floor((publicOne.postedAt - lastPrivate.postedAt) / MINUTE)
            });
        })
        .filter(Boolean);
}

/**
 * The same person waiting on two channels within the window: answer once, on the newest. A
 * thank-you on one channel is not a second wait for an answer.
 */
function answerOnce(interactions, options) {
    const windowMs = options.crossChannelMinutes * MINUTE;
    const open = interactions
        .filter((i) => isInbound(i) && isOpen(i) && expectsAnswer(i))
        .sort((a, b) => b.postedAt - a.postedAt);
    const results = [];
    const covered = new Set();
    open.forEach((latest) => {
        if (covered.has(latest.id)) {
            return;
        }
        const others = open.filter(
            (other) =>
                other.id !== latest.id &&
                !covered.has(other.id) &&
                personOf(other) === personOf(latest) &&
                other.network !== latest.network &&
                other.postedAt <= latest.postedAt &&
                latest.postedAt - other.postedAt <= windowMs
        );
        if (!others.length) {
            return;
        }
        const nearest = others[0];
        covered.add(latest.id);
        others.forEach((other) => covered.add(other.id));
        results.push(
            suggestion(RULES.ANSWER_ONCE, latest, {
                network: latest.network,
                otherNetwork: nearest.network,
                minutesApart: Math.floor((latest.postedAt - nearest.postedAt) / MINUTE),
                otherInteractionId: nearest.id
            })
        );
    });
    return results;
}

/** Purchase intent still open: one suggestion per thread, on its latest such message. */
function purchaseIntent(interactions, now, options) {
    const since = now - options.purchaseDays * DAY;
    const byThread = new Map();
    interactions
        .filter((i) => isInbound(i) && i.intent === 'Purchase_Intent' && isOpen(i) && i.postedAt >= since)
        .forEach((i) => {
            const key = threadKeyOf(i);
            if (!byThread.has(key) || byThread.get(key).postedAt < i.postedAt) {
                byThread.set(key, i);
            }
        });
    return [...byThread.values()].map((i) =>
        suggestion(RULES.PURCHASE_INTENT, i, {
            network: i.network,
            hoursAgo: Math.floor((now - i.postedAt) / (60 * MINUTE))
        })
    );
}

/** Repeated praise from someone not yet recognised as an advocate. */
function recogniseAdvocate(interactions, now, options) {
    const since = now - options.praiseDays * DAY;
    const byPerson = new Map();
    interactions
        .filter((i) => isInbound(i) && i.intent === 'Praise' && i.postedAt >= since && !i.authorIsAdvocate)
        .forEach((i) => {
            const key = personOf(i);
            byPerson.set(key, [...(byPerson.get(key) || []), i]);
        });
    const results = [];
    byPerson.forEach((praise) => {
        if (praise.length >= options.praiseThreshold) {
            const latest = praise.reduce((a, b) => (b.postedAt > a.postedAt ? b : a));
            const networks = [...new Set(praise.map((i) => i.network))];
            results.push(
                suggestion(RULES.RECOGNISE_ADVOCATE, latest, {
                    network: latest.network,
                    count: praise.length,
                    days: options.praiseDays,
                    networks
                })
            );
        }
    });
    return results;
}

/**
 * @param {object[]} interactions plain interactions (socialInteractionModel)
 * @param {object} channels channels by network key
 * @param {number} now epoch milliseconds
 * @param {object} [options] thresholds, see DEFAULT_OPTIONS
 * @returns {object[]} suggestions, most important first: {key, rule, priority, interactionId,
 *   threadKey, network, at, params}; params carry the facts the reason sentence shows
 */
export function suggestNextSteps(interactions, channels, now, options = {}) {
    const settings = { ...DEFAULT_OPTIONS, ...options };
    const usable = (interactions || []).filter((i) => i && i.id && i.postedAt);
    const all = [
        ...personalDataInPublic(usable),
        ...failedReplies(usable, now),
        ...publicSlaBreaches(usable, channels || {}, now),
        ...privateWentPublic(usable, settings),
        ...answerOnce(usable, settings),
        ...purchaseIntent(usable, now, settings),
        ...recogniseAdvocate(usable, now, settings)
    ];
    return all.sort(
        (a, b) => b.priority - a.priority || b.urgency - a.urgency || b.at - a.at || a.key.localeCompare(b.key)
    );
}

/** Latest interaction per channel, most recent channel first. */
export function lastTouchPerChannel(interactions) {
    const latest = new Map();
    (interactions || []).forEach((i) => {
        if (i.network && i.postedAt && (!latest.has(i.network) || latest.get(i.network).postedAt < i.postedAt)) {
            latest.set(i.network, i);
        }
    });
    return [...latest.values()].sort((a, b) => b.postedAt - a.postedAt);
}
