// What a Social Bridge component shows when c-social-access-gate says the user cannot read its
// object: the gate's "no access" state instead of the content (and instead of the query errors the
// platform answers for an object the user cannot see). A mixin, so the timeline, catch-me-up and
// identities panels share one definition; each keeps its own `isSupportedPage`.
export const AccessState = (Base) =>
    class extends Base {
        /** Set by c-social-access-gate: the user cannot read the object this component shows. */
        noAccess = false;

        handleAccessChange(event) {
            this.noAccess = !event.detail.hasAccess;
        }

        /** The content shows on a supported page for a user with access; the gate says why not otherwise. */
        get showsContent() {
            return this.isSupportedPage && !this.noAccess;
        }

        get isUnsupportedPage() {
            return !this.isSupportedPage;
        }
    };
