// Entry of the preview: synthetic shadow first (as on the platform), then the record page shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'preview/app';

// The page shell is outside any component, so a document query is the only way in.
// eslint-disable-next-line @lwc/lwc/no-document-query
document.getElementById('root').appendChild(createElement('preview-app', { is: App }));
