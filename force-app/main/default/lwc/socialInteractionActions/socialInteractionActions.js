// What a rep can do with one interaction: reply (inline composer), mark responded, close or reopen
// with a reason, create a case from it, recognise its author as an advocate. Only the actions the
// signed-in user may take are offered (object info from lightning/uiObjectInfoApi), laid out as
// Lightning lays out record actions: the first one as a button, the rest in an overflow menu.
// Writes go through lightning/uiRecordApi only, so the platform applies the rep's access; a status
// change is conditional on the version the rep saw (ifUnmodifiedSince), so a second rep never
// overwrites the first. The timeline re-reads after each save through the RefreshView API.
import { LightningElement, api, wire } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import USER_ID from '@salesforce/user/Id';
import ACTIONS from '@salesforce/label/c.SB_Action_Actions';
import REPLY from '@salesforce/label/c.SB_Action_Reply';
import RESPOND from '@salesforce/label/c.SB_Action_Respond';
import CLOSE from '@salesforce/label/c.SB_Action_Close';
import REOPEN from '@salesforce/label/c.SB_Action_Reopen';
import CREATE_CASE from '@salesforce/label/c.SB_Action_Case';
import ADVOCATE from '@salesforce/label/c.SB_Action_Advocate';
import REASON from '@salesforce/label/c.SB_Action_Reason';
import REASON_REQUIRED from '@salesforce/label/c.SB_Action_ReasonRequired';
import SAVE from '@salesforce/label/c.SB_Action_Save';
import SAVING from '@salesforce/label/c.SB_Action_Saving';
import CANCEL from '@salesforce/label/c.SB_Action_Cancel';
import RESPONDED from '@salesforce/label/c.SB_Action_Responded';
import CLOSED from '@salesforce/label/c.SB_Action_Closed';
import REOPENED from '@salesforce/label/c.SB_Action_Reopened';
import SAVE_ERROR from '@salesforce/label/c.SB_Action_SaveError';
import CASE_EXISTS from '@salesforce/label/c.SB_Action_CaseExists';
import CREATE_ANOTHER from '@salesforce/label/c.SB_Action_CreateAnother';
import CASE_CREATED from '@salesforce/label/c.SB_Action_CaseCreated';
import CASE_LINK_FAILED from '@salesforce/label/c.SB_Action_CaseLinkFailed';
import ADVOCATE_NOTE from '@salesforce/label/c.SB_Action_AdvocateNote';
import ADVOCATE_SAVED from '@salesforce/label/c.SB_Action_AdvocateSaved';
import ADVOCATE_PERSON from '@salesforce/label/c.SB_Action_AdvocatePerson';
import TASK from '@salesforce/label/c.SB_Action_Task';
import TASK_SUBJECT from '@salesforce/label/c.SB_Action_TaskSubject';
import TASK_SUBJECT_DEFAULT from '@salesforce/label/c.SB_Action_TaskSubjectDefault';
import TASK_SUBJECT_REQUIRED from '@salesforce/label/c.SB_Action_TaskSubjectRequired';
import TASK_DUE from '@salesforce/label/c.SB_Action_TaskDue';
import TASK_CREATED from '@salesforce/label/c.SB_Action_TaskCreated';
import MORE from '@salesforce/label/c.SB_Action_More';
import CONFLICT from '@salesforce/label/c.SB_Action_Conflict';
import { formatLabel, isolated } from 'c/labelFormat';
import { isConflict, reduceErrors } from 'c/errorMessages';
import { versionCondition } from 'c/socialInteractionModel';
import {
    STATUS_ACTIONS,
    advocateInput,
    caseInput,
    caseLinkInput,
    localDateAfter,
    statusInput,
    subjectOf,
    taskInput
} from './actionRecords';
import { ACTION_OBJECTS, objectInfosByName, permittedActions } from './actionAccess';

const PANEL = Object.freeze({
    REPLY: 'reply',
    STATUS: 'status',
    CASE_CONFIRM: 'case',
    ADVOCATE: 'advocate',
    TASK: 'task'
});
const STATUS_TOASTS = { respond: RESPONDED, close: CLOSED, reopen: REOPENED };
const OPEN_STATUSES = ['New', 'Needs_Response'];

/** The order actions are offered in: the first that applies is the visible button. */
const ACTION_ORDER = Object.freeze([
    { name: 'reply', label: REPLY, icon: 'utility:reply' },
    { name: 'respond', label: RESPOND, icon: 'utility:check' },
    { name: 'close', label: CLOSE, icon: 'utility:close' },
    { name: 'reopen', label: REOPEN, icon: 'utility:undo' },
    { name: 'case', label: CREATE_CASE, icon: 'utility:case' },
    { name: 'task', label: TASK, icon: 'utility:task' },
    { name: 'advocate', label: ADVOCATE, icon: 'utility:favorite' }
]);

/** Messages the UI API attached to one field of a failed save (shown next to that field). */
function messagesForField(error, field) {
    const fieldErrors = error?.body?.output?.fieldErrors?.[field] || [];
    return fieldErrors.map((entry) => entry && entry.message).filter(Boolean);
}

/** Everything else the error says, for the line under the panel. */
function otherMessages(error, field) {
    return reduceErrors(error).filter((message) => !field || !message.startsWith(`${field}: `));
}

export default class SocialInteractionActions extends LightningElement {
    /** The interaction (plain, from c/socialInteractionModel.toInteraction). */
    @api record;
    /** Its channel (plain, from c/socialInteractionModel.toChannel), or null. */
    @api channel;
    /** True when another interaction of the same conversation already has a case. */
    @api threadHasCase = false;
    /** True when a reply to this message is already queued or sending. */
    @api replyPending = false;

    openPanel = null;
    statusAction = null;
    reason = '';
    note = '';
    saving = false;
    reasonError = '';
    noteError = '';
    taskSubject = '';
    taskDate = '';
    taskSubjectError = '';
    taskDateError = '';
    errorText = '';
    /** Object info by API name for the objects the actions write; undefined until it arrives. */
    objectInfos;

    labels = {
        actions: ACTIONS,
        reply: REPLY,
        respond: RESPOND,
        close: CLOSE,
        reopen: REOPEN,
        createCase: CREATE_CASE,
        advocate: ADVOCATE,
        reason: REASON,
        reasonRequired: REASON_REQUIRED,
        cancel: CANCEL,
        caseExists: CASE_EXISTS,
        createAnother: CREATE_ANOTHER,
        advocateNote: ADVOCATE_NOTE,
        task: TASK,
        taskSubject: TASK_SUBJECT,
        taskSubjectRequired: TASK_SUBJECT_REQUIRED,
        taskDue: TASK_DUE,
        more: MORE
    };

    // Until object info arrives no action shows: never offer one the user may not take.
    @wire(getObjectInfos, { objectApiNames: ACTION_OBJECTS })
    wiredObjectInfos({ data, error }) {
        if (data) {
            this.objectInfos = objectInfosByName(data);
        } else if (error) {
            this.objectInfos = {};
        }
    }

    // ---- which actions apply and are permitted -------------------------------------------------

    get permitted() {
        return this.objectInfos && this.record
            ? permittedActions(this.objectInfos, this.record, this.channel, USER_ID)
            : {};
    }

    get applies() {
        return {
            reply: this.canReply,
            respond: this.canRespond,
            close: this.canClose,
            reopen: this.canReopen,
            case: this.canCreateCase,
            task: this.canCreateTask,
            advocate: this.canRecognise
        };
    }

    /** The actions that apply to this message and that the user may take, in offer order. */
    get actions() {
        const permitted = this.permitted;
        const applies = this.applies;
        return ACTION_ORDER.filter((action) => applies[action.name] && permitted[action.name]).map((action) => ({
            ...action,
            className: `action-${action.name}`
        }));
    }

    get primaryAction() {
        const [first] = this.actions;
        return first ? { ...first, className: `${first.className} primary-action` } : undefined;
    }

    get menuActions() {
        return this.actions.slice(1);
    }

    get hasMenuActions() {
        return this.menuActions.length > 0;
    }

    get primaryExpanded() {
        return this.primaryAction && this.primaryAction.name === 'reply' ? this.replyExpanded : undefined;
    }

    runAction(name) {
        const handlers = {
            reply: () => this.handleReply(),
            respond: () => this.handleRespond(),
            close: () => this.handleClose(),
            reopen: () => this.handleReopen(),
            case: () => this.handleCreateCase(),
            task: () => this.handleTask(),
            advocate: () => this.handleAdvocate()
        };
        return handlers[name] ? handlers[name]() : undefined;
    }

    handlePrimary() {
        return this.primaryAction ? this.runAction(this.primaryAction.name) : undefined;
    }

    handleMenuSelect(event) {
        return this.runAction(event.detail.value);
    }

    get isInbound() {
        return this.record?.direction === 'Inbound';
    }

    get canReply() {
        return this.isInbound && !this.record.deletedOnNetwork;
    }

    get canRespond() {
        return this.isInbound && OPEN_STATUSES.includes(this.record.status || 'New');
    }

    get canClose() {
        return Boolean(this.record) && this.record.status !== 'Closed';
    }

    get canReopen() {
        return this.isInbound && (this.record.status === 'Closed' || this.record.status === 'Responded');
    }

    get canCreateCase() {
        return Boolean(this.record) && !this.record.caseId;
    }

    get canRecognise() {
        return this.isInbound && Boolean(this.record.identityId) && !this.record.authorIsAdvocate;
    }

    get canCreateTask() {
        return Boolean(this.record);
    }

    // ---- view -------------------------------------------------------------------------------

    get replyOpen() {
        return this.openPanel === PANEL.REPLY;
    }

    get replyExpanded() {
        return this.replyOpen ? 'true' : 'false';
    }

    get statusOpen() {
        return this.openPanel === PANEL.STATUS;
    }

    get caseConfirmOpen() {
        return this.openPanel === PANEL.CASE_CONFIRM;
    }

    get advocateOpen() {
        return this.openPanel === PANEL.ADVOCATE;
    }

    get taskOpen() {
        return this.openPanel === PANEL.TASK;
    }

    get taskSubjectFieldClass() {
        return `slds-form-element${this.taskSubjectError ? ' slds-has-error' : ''}`;
    }

    get taskDateFieldClass() {
        return `slds-form-element slds-m-top_x-small${this.taskDateError ? ' slds-has-error' : ''}`;
    }

    get reasonRequired() {
        return Boolean(this.statusAction && STATUS_ACTIONS[this.statusAction].reasonRequired);
    }

    get reasonFieldClass() {
        return `slds-form-element${this.reasonError ? ' slds-has-error' : ''}`;
    }

    get noteFieldClass() {
        return `slds-form-element${this.noteError ? ' slds-has-error' : ''}`;
    }

    get saveLabel() {
        return this.saving ? SAVING : SAVE;
    }

    get personName() {
        if (this.record?.authorHandle) {
            return `@${this.record.authorHandle}`;
        }
        return this.record?.authorName || ADVOCATE_PERSON;
    }

    // ---- panels -----------------------------------------------------------------------------

    resetForms() {
        this.reason = '';
        this.note = '';
        this.reasonError = '';
        this.noteError = '';
        this.taskSubjectError = '';
        this.taskDateError = '';
        this.errorText = '';
        // Inputs keep their live text across re-renders: empty them where they live.
        ['reason', 'note'].forEach((name) => {
            if (this.refs && this.refs[name]) {
                this.refs[name].value = '';
            }
        });
    }

    /** Opens a panel, or closes it when the same button is pressed again. */
    open(panel, statusAction = null) {
        const pressedAgain = this.openPanel === panel && this.statusAction === statusAction;
        this.resetForms();
        this.openPanel = pressedAgain ? null : panel;
        this.statusAction = statusAction;
    }

    openStatus(action) {
        this.open(PANEL.STATUS, action);
    }

    handleReply() {
        this.open(PANEL.REPLY);
    }

    handleRespond() {
        this.openStatus('respond');
    }

    handleClose() {
        this.openStatus('close');
    }

    handleReopen() {
        this.openStatus('reopen');
    }

    handleAdvocate() {
        this.open(PANEL.ADVOCATE);
    }

    handleTask() {
        this.open(PANEL.TASK);
        // Suggested, editable: what the message is about, due tomorrow.
        this.taskSubject = formatLabel(TASK_SUBJECT_DEFAULT, subjectOf(this.record.body, this.record.name));
        this.taskDate = localDateAfter(new Date(), 1);
    }

    handleTaskSubjectInput(event) {
        this.taskSubject = event.target.value;
        this.taskSubjectError = '';
    }

    handleTaskDateChange(event) {
        this.taskDate = event.target.value;
        this.taskDateError = '';
    }

    handlePanelDone() {
        this.openPanel = null;
    }

    handleReasonInput(event) {
        this.reason = event.target.value;
        this.reasonError = '';
    }

    handleNoteInput(event) {
        this.note = event.target.value;
        this.noteError = '';
    }

    // ---- saves ------------------------------------------------------------------------------

    async handleStatusSave() {
        const action = this.statusAction;
        if (this.reasonRequired && !this.reason.trim()) {
            this.reasonError = REASON_REQUIRED;
            return;
        }
        const input = statusInput(this.record, action, this.reason, new Date());
        await this.save(() => updateRecord(input, versionCondition(this.record)), {
            field: 'Status_Reason__c',
            showFieldError: (message) => {
                this.reasonError = message;
            },
            success: STATUS_TOASTS[action]
        });
    }

    async handleAdvocateSave() {
        await this.save(() => updateRecord(advocateInput(this.record, this.note)), {
            field: 'Advocate_Note__c',
            showFieldError: (message) => {
                this.noteError = message;
            },
            success: formatLabel(ADVOCATE_SAVED, isolated(this.personName))
        });
    }

    async handleTaskSave() {
        if (!this.taskSubject.trim()) {
            this.taskSubjectError = TASK_SUBJECT_REQUIRED;
            return;
        }
        const input = taskInput(this.record, { subject: this.taskSubject, dueDate: this.taskDate, ownerId: USER_ID });
        await this.save(() => createRecord(input), {
            field: 'Subject',
            showFieldError: (message) => {
                this.taskSubjectError = message;
            },
            secondField: 'ActivityDate',
            showSecondFieldError: (message) => {
                this.taskDateError = message;
            },
            success: TASK_CREATED
        });
    }

    handleCreateCase() {
        if (this.threadHasCase) {
            // Ask first: a second case for one conversation is usually a duplicate.
            this.open(PANEL.CASE_CONFIRM);
            return undefined;
        }
        return this.createCase();
    }

    handleCreateAnother() {
        return this.createCase();
    }

    async createCase() {
        if (this.saving) {
            return;
        }
        this.saving = true;
        this.errorText = '';
        let created;
        try {
            created = await createRecord(caseInput(this.record, this.channel));
        } catch (error) {
            this.errorText = formatLabel(SAVE_ERROR, reduceErrors(error).join(' '));
            this.saving = false;
            return;
        }
        const caseName = created?.fields?.CaseNumber?.value || created?.id || '';
        try {
            await updateRecord(caseLinkInput(this.record, created.id), versionCondition(this.record));
        } catch (error) {
            // The case exists: say so, and what is left to do, rather than a bare failure.
            this.errorText = formatLabel(CASE_LINK_FAILED, caseName, reduceErrors(error).join(' '));
            this.dispatchEvent(new ShowToastEvent({ title: this.errorText, variant: 'warning' }));
            this.dispatchEvent(new RefreshEvent());
            this.saving = false;
            this.openPanel = null;
            return;
        }
        this.finishSave(formatLabel(CASE_CREATED, caseName));
    }

    /** One write with the shared success and failure handling of the panels. */
    async save(write, { field, showFieldError, secondField, showSecondFieldError, success }) {
        if (this.saving) {
            return;
        }
        this.saving = true;
        this.errorText = '';
        try {
            await write();
        } catch (error) {
            if (isConflict(error)) {
                this.showConflict();
                return;
            }
            showFieldError(messagesForField(error, field).join(' '));
            if (secondField) {
                showSecondFieldError(messagesForField(error, secondField).join(' '));
            }
            const others = otherMessages(error, field).filter(
                (message) => !secondField || !message.startsWith(`${secondField}: `)
            );
            this.errorText = others.length ? formatLabel(SAVE_ERROR, others.join(' ')) : '';
            this.saving = false;
            return;
        }
        this.finishSave(success);
    }

    /**
     * Another user changed the record since this rep saw it: nothing was written. Say so, and re-read
     * so the page shows the record as it is now (the rep decides again on the fresh state).
     */
    showConflict() {
        this.saving = false;
        this.openPanel = null;
        this.errorText = CONFLICT;
        this.dispatchEvent(new ShowToastEvent({ title: CONFLICT, variant: 'warning' }));
        this.dispatchEvent(new RefreshEvent());
    }

    finishSave(successTitle) {
        this.saving = false;
        this.openPanel = null;
        this.dispatchEvent(new ShowToastEvent({ title: successTitle, variant: 'success' }));
        this.dispatchEvent(new RefreshEvent());
    }
}
