/**
 * Collects events and hands them over in batches: when a batch is full,
 * after a short delay, or at once when the page is going away.
 */

export interface QueueOptions< T > {
	send: ( batch: T[] ) => void;
	maxBatch?: number;
	delayMs?: number;
}

export interface Queue< T > {
	push: ( item: T ) => void;
	flush: () => void;
}

export function createQueue< T >( {
	send,
	maxBatch = 20,
	delayMs = 2000,
}: QueueOptions< T > ): Queue< T > {
	const pending: T[] = [];
	let timer: ReturnType< typeof setTimeout > | undefined;

	function flush() {
		clearTimeout( timer );
		timer = undefined;
		while ( pending.length ) {
			send( pending.splice( 0, maxBatch ) );
		}
	}

	return {
		push( item ) {
			pending.push( item );
			if ( pending.length >= maxBatch ) {
				flush();
			} else {
				timer ??= setTimeout( flush, delayMs );
			}
		},
		flush,
	};
}
