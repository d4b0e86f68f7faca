/**
 * Consent: the WP Consent API's "statistics" category when a consent plugin
 * provides it, and the browser's Do Not Track signal when the site honours
 * it. Without consent nothing that identifies the browser is stored.
 */

declare global {
	interface Window {
		wp_has_consent?: ( category: string ) => boolean;
	}
}

const DEVICE_KEY = 'footprints_device';

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
 * without (and a stored one is removed: consent was withdrawn).
 * @param allowed Whether consent allows an identifier.
 * @param create  Makes a new id.
 */
export function deviceId(
	allowed: boolean,
	create: () => string
): string | undefined {
	try {
		if ( allowed ) {
			return ( localStorage[ DEVICE_KEY ] ||= create() );
		}
		localStorage.removeItem( DEVICE_KEY );
	} catch {} // Storage blocked: no id.
	return undefined;
}
