// A rep's saved timeline defaults (Social_Rep_Preference__c, one record per rep and page), which follow
// the rep from device to device. The timeline reads the record through its own wire (a wire belongs to
// a component) and hands each answer here; this module remembers which record and which filter are
// saved, and saves a new choice onto the record, creating it the first time.
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { isDuplicateValue } from 'c/errorMessages';
import { newPreferenceInput, preferenceOf, preferenceUpdateInput, savedFilterText } from 'c/socialTimelineFilter';

export class RepPreference {
    /** The record's id once it is known (read, or created by this browser). */
    id = null;
    /** The saved filter as text (savedFilterText), to tell a real change from the one already saved. */
    savedText = null;
    /** Reads the record again: the wire's refresh, kept for the duplicate-save case. */
    refresh = null;

    constructor(userId) {
        this.userId = userId;
    }

    /**
     * Takes the wire's answer and returns the saved filter, or null when there is none to apply
     * (nothing saved, unreadable: no permission, offline; this browser's copy or the page default stands).
     */
    take({ data, errors, refresh }) {
        if (refresh) {
            this.refresh = refresh;
        }
        if ((errors && errors.length) || !data) {
            return null;
        }
        const saved = preferenceOf(data);
        if (!saved) {
            return null;
        }
        this.id = saved.id;
        this.savedText = saved.filter ? savedFilterText(saved.filter) : null;
        return saved.filter;
    }

    /** Whether `filter` is what the record holds (the search text aside). */
    holds(filter) {
        return savedFilterText(filter) === this.savedText;
    }

    /** Saves the rep's choice to their own record (created the first time), so it follows them. */
    save(objectApiName, filter) {
        const text = savedFilterText(filter);
        if (text === this.savedText) {
            return Promise.resolve();
        }
        this.savedText = text;
        const saving = this.id
            ? updateRecord(preferenceUpdateInput(this.id, filter))
            : this.create(objectApiName, filter, text);
        return Promise.resolve(saving).catch(() => {
            // Not saved (no permission, offline): this browser still remembers it, and the next
            // change tries again.
            this.savedText = null;
        });
    }

    /**
     * The rep's first save on this page. Two devices saving a first choice at the same moment both
     * create: the unique key (one record per rep and page) refuses the second, so that one reads
     * the record the first created and saves its choice onto it, the later choice winning.
     */
    create(objectApiName, filter, text) {
        return createRecord(newPreferenceInput(this.userId, objectApiName, filter)).then(
            (record) => {
                this.id = (record && record.id) || this.id;
            },
            (error) => {
                if (!isDuplicateValue(error) || !this.refresh) {
                    throw error;
                }
                return Promise.resolve(this.refresh()).then(() => {
                    if (!this.id) {
                        throw error;
                    }
                    // Reading it set what it holds as saved: this choice is what it holds next.
                    this.savedText = text;
                    return updateRecord(preferenceUpdateInput(this.id, filter));
                });
            }
        );
    }
}
