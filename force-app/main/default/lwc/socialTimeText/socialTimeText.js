// Time and counts as reps read them: relative ("5 min ago"), exact in the user's locale and time zone (for
// hover and screen readers), and durations ("2 h 5 min") for SLA states. Pure apart from labels.
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import JUST_NOW from '@salesforce/label/c.Social_Time_JustNow';
import MINUTES_AGO from '@salesforce/label/c.Social_Time_MinutesAgo';
import HOURS_AGO from '@salesforce/label/c.Social_Time_HoursAgo';
import DAYS_AGO from '@salesforce/label/c.Social_Time_DaysAgo';
import IN_FUTURE from '@salesforce/label/c.Social_Time_InFuture';
import DURATION_MINUTES from '@salesforce/label/c.Social_Duration_Minutes';
import DURATION_HOURS from '@salesforce/label/c.Social_Duration_Hours';
import DURATION_HOURS_MINUTES from '@salesforce/label/c.Social_Duration_HoursMinutes';
import DURATION_DAYS from '@salesforce/label/c.Social_Duration_Days';
import { formatLabel } from 'c/labelFormat';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Past a week a relative phrase stops helping: show the date.
const RELATIVE_LIMIT = 7 * DAY;

/** "2 h 5 min", "45 min", "3 d": a positive number of minutes as a short duration. */
export function durationText(minutes) {
    const total = Math.max(0, Math.round(Math.abs(minutes)));
    if (total < 60) {
        return formatLabel(DURATION_MINUTES, total);
    }
    if (total < 24 * 60) {
        const hours = Math.floor(total / 60);
        const rest = total % 60;
        return rest ? formatLabel(DURATION_HOURS_MINUTES, hours, rest) : formatLabel(DURATION_HOURS, hours);
    }
    return formatLabel(DURATION_DAYS, Math.floor(total / (24 * 60)));
}

let exactFormatter;
let dateFormatter;
function formatters() {
    if (!exactFormatter) {
        const options = { timeZone: TIME_ZONE };
        try {
            exactFormatter = new Intl.DateTimeFormat(LOCALE, { ...options, dateStyle: 'medium', timeStyle: 'short' });
            dateFormatter = new Intl.DateTimeFormat(LOCALE, { ...options, dateStyle: 'medium' });
        } catch {
            // An unknown locale or zone must not blank the timeline: fall back to the browser's.
            exactFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
            dateFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
        }
    }
    return { exactFormatter, dateFormatter };
}

/** Date and time in the user's locale and time zone, e.g. "Mar 4, 2026, 9:05 AM". */
export function exactTimeText(time) {
    return time ? formatters().exactFormatter.format(new Date(time)) : '';
}

/** "just now", "5 min ago", "3 h ago", "2 d ago"; older than a week: the date. */
export function relativeTimeText(time, now) {
    if (!time) {
        return '';
    }
    const elapsed = now - time;
    if (elapsed < -MINUTE) {
        return formatLabel(IN_FUTURE, durationText(-elapsed / MINUTE));
    }
    if (elapsed < MINUTE) {
        return JUST_NOW;
    }
    if (elapsed < HOUR) {
        return formatLabel(MINUTES_AGO, Math.floor(elapsed / MINUTE));
    }
    if (elapsed < DAY) {
        return formatLabel(HOURS_AGO, Math.floor(elapsed / HOUR));
    }
    if (elapsed < RELATIVE_LIMIT) {
        return formatLabel(DAYS_AGO, Math.floor(elapsed / DAY));
    }
    return formatters().dateFormatter.format(new Date(time));
}

let numberFormatter;
/** A count as the user's locale writes it: 5,000 in en-US, 5.000 in de-DE. */
export function countText(count) {
    if (!numberFormatter) {
        try {
            numberFormatter = new Intl.NumberFormat(LOCALE);
        } catch {
            numberFormatter = new Intl.NumberFormat();
        }
    }
    return numberFormatter.format(Number(count) || 0);
}

/** ISO string for a <time datetime> attribute. */
export function isoTime(time) {
    return time ? new Date(time).toISOString() : '';
}
