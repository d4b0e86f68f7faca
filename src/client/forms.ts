/**
 * Forms: what a submitted form tells (its id, the email, the fields the
 * site owner mapped, nothing else), and the device handoff cookie the
 * server's hooks read (includes/SystemEvents/DeviceHandoff.php).
 */

/**
 * Internal dependencies
 */
import type { Attributes } from '../shared/attributes';
import { DEVICE_KEY } from './consent';
import type { FormSettings } from './settings';

// The first email field: its type, or its name, as the server reads a form plugin's.
const EMAIL = '[type=email],[name=email i],[name=e-mail i]';
// Fields a visitor types text into.
const TEXT = /^(text|search|email|tel|url|textarea)$/;

/**
 * Hands the device id to the server for the submit's own request (a form
 * plugin's AJAX or not): ten minutes, this site only, sent on top-level
 * navigations too (a POST to wp-login.php). Only with a device id.
 * @param id The device id, none without consent.
 */
export function handOff( id?: string ) {
	if ( id ) {
		document.cookie = `${ DEVICE_KEY }=${ id }; path=/; max-age=600; samesite=lax${
			location.protocol === 'https:' ? '; secure' : ''
		}`;
	}
}

/**
 * The form_submission attributes of a submitted form, or nothing for a
 * search form or a form plugin's (its server hook records it).
 * @param form     The form.
 * @param settings The site's form settings.
 */
export function formAttributes(
	form: HTMLFormElement,
	settings: FormSettings
): Attributes | undefined {
	// getAttribute: an input named id, name, action or method shadows the property.
	const attribute = ( name: string ) => form.getAttribute( name );
	const texts = [ ...form.elements ].filter( ( field ) =>
		TEXT.test( ( field as HTMLInputElement ).type )
	) as HTMLInputElement[];
	if (
		form.closest( '[role=search]' ) ||
		( settings.skip && form.matches( settings.skip ) ) ||
		( /^get$/i.test( attribute( 'method' ) || 'get' ) &&
			texts.length === 1 &&
			( texts[ 0 ].type === 'search' ||
				/^(s|q|search)$/.test( texts[ 0 ].name ) ) )
	) {
		return;
	}
	const attributes: Attributes = {
		form:
			attribute( 'id' ) ||
			attribute( 'name' ) ||
			new URL( attribute( 'action' ) || '', location.href ).pathname,
	};
	const email = form.querySelector< HTMLInputElement >( EMAIL )?.value.trim();
	if ( email ) {
		attributes.email = email;
	}
	const fields: Record< string, string > = {};
	for ( const trait in settings.fields ) {
		for ( const name of settings.fields[ trait ] ) {
			const value = (
				form.elements.namedItem( name ) as HTMLInputElement | null
			 )?.value?.trim();
			if ( value && ! fields[ trait ] ) {
				fields[ trait ] = value;
			}
		}
	}
	if ( Object.keys( fields ).length ) {
		attributes.fields = fields;
	}
	return attributes;
}
