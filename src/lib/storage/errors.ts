/**
 * Turns a storage failure into words a learner can act on, whatever shape the
 * browser gives it: a QuotaExceededError, Dexie's AbortError wrapping one as
 * `inner`, Firefox's NS_ERROR_DOM_QUOTA_REACHED, old WebKit's code 22.
 */
export function describeStorageError(error: unknown): string {
	if (isQuotaError(error)) {
		return 'This device is out of storage space, so your progress could not be saved. Free some space (or delete old browser data for other sites) and try again.';
	}
	const name = errorName(error);
	if (name === 'StaleAttemptError') {
		return 'This attempt moved on in another tab or window. Reload to continue from where it is now.';
	}
	if (name === 'VersionError' || name === 'DatabaseClosedError' || name === 'VersionChangeError') {
		return 'Service Drill was updated in another tab. Reload this page to keep going; your saved progress is safe.';
	}
	if (name === 'InvalidStateError' || name === 'MissingAPIError' || name === 'OpenFailedError' || name === 'SecurityError') {
		return 'This browser is not letting Service Drill store data (private browsing or blocked site data?). Progress cannot be saved until storage is allowed.';
	}
	const message = error instanceof Error ? error.message : String(error);
	return `Your progress could not be saved: ${message}`;
}

function errorName(error: unknown): string {
	return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

export function isQuotaError(error: unknown): boolean {
	for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
		if (typeof current !== 'object') break;
		const candidate = current as { name?: unknown; code?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
		if (candidate.name === 'QuotaExceededError' || candidate.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
		if (candidate.code === 22 || candidate.code === 1014) return true;
		if (typeof candidate.message === 'string' && /quota/i.test(candidate.message)) return true;
		current = candidate.inner ?? candidate.cause;
	}
	return false;
}

/** Thrown when a write would append a step that another tab already appended. */
export class StaleAttemptError extends Error {
	override name = 'StaleAttemptError';
}
