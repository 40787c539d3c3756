// Loaded before every node test file (jest.config.js setupFiles): where the host realm and jest's
// vm realm disagree, make them agree. jest runs each file in a vm
// context whose `Symbol` lacks `Symbol.dispose`; Node 22's events module, in the host realm, keys
// the disposables it returns by its own symbol, so undici (jsforce's HTTP client) fails inside
// jest with "removeAbortListener is not a function". Give the test realm the host's symbol.
import { addAbortListener } from 'node:events';
import { types } from 'node:util';

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

// jest's vm context has its own `Error`, so an error thrown by Node itself (fs, net: the host
// realm) fails `error instanceof Error` in code loaded into the test. @salesforce/core tells a
// missing ~/.sfdx/alias.json from a real failure exactly that way, so in a fresh home every
// in-process command failed with "Parsing --target-org ENOENT". Errors from either realm count
// as an Error here, as they do outside jest; subclasses (SfError, TypeError…) keep the plain check.
const plainHasInstance = Function.prototype[Symbol.hasInstance];
Object.defineProperty(Error, Symbol.hasInstance, {
  configurable: true,
  value(this: unknown, candidate: unknown): boolean {
    return plainHasInstance.call(this, candidate) || (this === Error && types.isNativeError(candidate));
  },
});
