/**
 * Runs a callback every few seconds while the browser tab is visible:
 * nothing is polled for a tab nobody looks at, and coming back to the tab
 * runs it at once.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

/**
 * @param callback What to run.
 * @param ms       How often, in milliseconds.
 */
export function useVisibleInterval( callback: () => void, ms: number ): void {
	const latest = useRef( callback );
	latest.current = callback;
	useEffect( () => {
		let timer: ReturnType< typeof setInterval > | undefined;
		const start = () => {
			if ( timer === undefined ) {
				timer = setInterval( () => latest.current(), ms );
			}
		};
		const stop = () => {
			clearInterval( timer );
			timer = undefined;
		};
		const onVisibility = () => {
			if ( document.visibilityState === 'visible' ) {
				latest.current();
				start();
			} else {
				stop();
			}
		};
		if ( document.visibilityState === 'visible' ) {
			start();
		}
		document.addEventListener( 'visibilitychange', onVisibility );
		return () => {
			stop();
			document.removeEventListener( 'visibilitychange', onVisibility );
		};
	}, [ ms ] );
}
