/**
 * Service worker updates: a new version waits until the user agrees to
 * reload, so code is never swapped under an open conversation.
 */
class Updates {
	waiting = $state<ServiceWorker | null>(null);
	/** A lazily loaded chunk failed: the app was updated under this tab. */
	stale = $state(false);

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		try {
			const registration = await navigator.serviceWorker.register('/service-worker.js', { type: 'module' });
			const watch = (worker: ServiceWorker | null) => {
				worker?.addEventListener('statechange', () => {
					if (worker.state === 'installed' && navigator.serviceWorker.controller) this.waiting = worker;
				});
			};
			if (registration.waiting && navigator.serviceWorker.controller) this.waiting = registration.waiting;
			registration.addEventListener('updatefound', () => watch(registration.installing));
			let reloading = false;
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (reloading || !this.waiting) return;
				reloading = true;
				location.reload();
			});
		} catch (error) {
			console.warn('Offline mode is unavailable:', error);
		}
	}

	/**
	 * The studio is not part of a trainee's first download: once it is opened
	 * (or the device holds scenarios made in it), the service worker caches it,
	 * and keeps it cached across updates, so it works offline from then on.
	 */
	async cacheStudio(): Promise<void> {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		const registration = await navigator.serviceWorker.ready;
		registration.active?.postMessage({ type: 'cache-studio' });
	}

	/** Progress is already saved (write-ahead), so activating and reloading loses nothing. */
	apply(): void {
		if (this.waiting) this.waiting.postMessage({ type: 'skip-waiting' });
		else location.reload();
	}
}

export const updates = new Updates();
