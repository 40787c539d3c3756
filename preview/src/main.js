// Entry of the preview: synthetic shadow first (as on the platform), then the record page shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'preview/app';

document.getElementById('root').appendChild(createElement('preview-app', { is: App }));
