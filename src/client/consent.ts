/**
 * Consent: the WP Consent API's "statistics" category when a consent plugin
 * provides it, and the browser's Do Not Track signal when the site honours
 * it. Without consent nothing is written to storage: no device id, no
 * events (the outbox keeps them in memory only).
 */

/**
 * Internal dependencies
 */
import { withStorage } from './storage';

declare global {
	interface Window {
		wp_has_consent?: ( category: string ) => boolean;
	}
}

export const DEVICE_KEY = 'footprints_device';

/**
 * Whether this visitor may be tracked with an identifier, asked at each
 * event because the visitor can answer the banner at any time.
 * @param honourDnt Whether the site treats Do Not Track as "no".
 */
export const consented = ( honourDnt?: boolean ): boolean =>
	! ( honourDnt && navigator.doNotTrack === '1' ) &&
	( window.wp_has_consent?.( 'statistics' ) ?? true );

/**
 * The browser's first-party id with consent (created on first use), none
 * without (and a stored one is removed: consent was withdrawn). Storage is
 * read once, when the page starts, and written in the next task, never in
 * a click handler.
 * @param create Makes a new id.
 */
export function createDeviceId( create: () => string ) {
	let id = withStorage( ( storage ) => storage.getItem( DEVICE_KEY ) );
	return ( allowed: boolean ) => {
		if ( allowed !== !! id ) {
			setTimeout(
				( value ) =>
					withStorage( ( storage ) =>
						value
							? storage.setItem( DEVICE_KEY, value )
							: storage.removeItem( DEVICE_KEY )
					),
				0,
				( id = allowed ? create() : null )
			);
		}
		return id || undefined;
	};
}
