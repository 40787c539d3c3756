// Loaded before every node test file (jest.config.js setupFiles). jest runs each file in a vm
// context whose `Symbol` lacks `Symbol.dispose`; Node 22's events module, in the host realm, keys
// the disposables it returns by its own symbol, so undici (jsforce's HTTP client) fails inside
// jest with "removeAbortListener is not a function". Give the test realm the host's symbol.
import { addAbortListener } from 'node:events';

if (typeof Symbol.dispose !== 'symbol') {
  const disposable = addAbortListener(new AbortController().signal, () => undefined);
  const hostDispose = Object.getOwnPropertySymbols(disposable).find((symbol) =>
    /dispose/i.test(symbol.description ?? ''),
  );
  if (hostDispose !== undefined) {
    Object.defineProperty(Symbol, 'dispose', { value: hostDispose, configurable: true });
    (disposable as unknown as Record<symbol, (() => void) | undefined>)[hostDispose]?.();
  }
}
