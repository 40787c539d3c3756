// jest runs tests in a vm context whose `Symbol` lacks `Symbol.dispose` (Node 22 defines it in the
// main realm only, as the symbol "nodejs.dispose"). undici, which jsforce uses for HTTP, calls
// `events.addAbortListener(...)[Symbol.dispose]` and fails inside jest with "removeAbortListener is
// not a function". Borrow the main realm's symbol from the object Node returns. Import this first.
import { addAbortListener } from 'node:events';

if (Symbol.dispose === undefined) {
  const disposable = addAbortListener(new AbortController().signal, () => undefined);
  const dispose = Object.getOwnPropertySymbols(disposable).find((symbol) => /dispose/i.test(symbol.description ?? ''));
  if (dispose !== undefined) {
    Object.defineProperty(Symbol, 'dispose', { value: dispose });
    (disposable as unknown as Record<symbol, (() => void) | undefined>)[dispose]?.();
  }
}
