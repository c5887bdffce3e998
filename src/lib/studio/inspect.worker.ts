/// <reference lib="webworker" />
/* The studio's scenario checker, off the page's thread (see inspector.ts for the page's side). */
import { createChecker } from './inspect-checker.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const check = createChecker();
scope.onmessage = (event: MessageEvent) => check(event.data, (reply) => scope.postMessage(reply));
