// Serves the built preview on 127.0.0.1 and forwards /services/* to the local org with the access
// token added, so the page is same-origin with its API and the browser never sees the token.
// The page is signed in as one of the org's users: the `preview-user` cookie names the user's key
// (`admin`, `rep`, `viewer`; the header's user switch sets it), and each request carries that user's token.
import { createServer, request as httpRequest } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const STATIC_ROOTS = [
    { prefix: '/slds/', dir: join(root, 'node_modules/@salesforce-ux/design-system/assets') },
    { prefix: '/', dir: join(here, 'dist') },
    { prefix: '/', dir: join(here, 'src') }
];
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.png': 'image/png'
};

// Browsers ask for /favicon.ico on every page: answer with SLDS's social icon, not a 404 logged on
// every load.
const FAVICON = '/slds/icons/standard/social_60.png';

function staticFile(pathname) {
    const wanted = pathname === '/' ? '/index.html' : pathname === '/favicon.ico' ? FAVICON : pathname;
    for (const { prefix, dir } of STATIC_ROOTS) {
        if (!wanted.startsWith(prefix)) {
            continue;
        }
        const file = normalize(join(dir, decodeURIComponent(wanted.slice(prefix.length))));
        // Never serve anything outside the folder, whatever the path says.
        if ((file === dir || file.startsWith(dir + sep)) && existsSync(file) && statSync(file).isFile()) {
            return file;
        }
    }
    return undefined;
}

const USER_COOKIE = 'preview-user';

/** The org's users the preview can sign in as; an org without a user list has only its token's user. */
function usersOf(org, userId) {
    return org.users?.length
        ? org.users
        : [{ key: 'admin', id: userId, username: 'admin', accessToken: org.accessToken }];
}

/** The user the request's cookie names, else the one the server was started for. */
function signedInUser(req, users, defaultUser) {
    const cookie = (req.headers.cookie ?? '')
        .split(';')
        .map((part) => part.trim().split('='))
        .find(([name]) => name === USER_COOKIE);
    return users.find((user) => user.key === decodeURIComponent(cookie?.[1] ?? '')) ?? defaultUser;
}

function forward(req, res, org, user) {
    const target = new URL(req.url, org.url);
    const upstream = httpRequest(
        target,
        {
            method: req.method,
            headers: {
                'content-type': req.headers['content-type'] ?? 'application/json',
                authorization: `Bearer ${user.accessToken}`,
                ...(req.headers['if-unmodified-since']
                    ? { 'if-unmodified-since': req.headers['if-unmodified-since'] }
                    : {})
            }
        },
        (answer) => {
            res.writeHead(answer.statusCode ?? 502, {
                'content-type': answer.headers['content-type'] ?? 'application/json'
            });
            answer.pipe(res);
        }
    );
    upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(
            JSON.stringify([
                { errorCode: 'PREVIEW_PROXY_ERROR', message: `The local org did not answer: ${error.message}` }
            ])
        );
    });
    req.pipe(upstream);
}

/** Starts the preview server; resolves to { url, stop() }. */
export function startPreviewServer({ org, userId, port = 0 }) {
    const users = usersOf(org, userId);
    const defaultUser = users.find((user) => user.id === userId) ?? users[0];
    const server = createServer((req, res) => {
        const { pathname } = new URL(req.url, 'http://127.0.0.1');
        const user = signedInUser(req, users, defaultUser);
        if (pathname.startsWith('/services/')) {
            forward(req, res, org, user);
            return;
        }
        if (pathname === '/preview-config.js') {
            res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
            const config = {
                userId: user.id,
                userKey: user.key,
                users: users.map(({ key, id, username }) => ({ key, id, username })),
                userCookie: USER_COOKIE
            };
            res.end(`window.__PREVIEW__ = ${JSON.stringify(config)};`);
            return;
        }
        const file = staticFile(pathname);
        if (!file) {
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end(`Not found: ${pathname}. Did the preview build (npm run preview:build) run?`);
            return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const { port: actual } = server.address();
            resolve({
                url: `http://127.0.0.1:${actual}/`,
                stop: () => new Promise((done) => server.close(() => done()))
            });
        });
    });
}
