/**
 * What each reason code of a refused event means, for people: the one
 * place the settings screen's Collector tab and Insights → Rejected
 * events read it from. The codes are the collector's
 * (includes/Collector/EventValidator.php, BatchValidator.php,
 * Events/EventIngest.php); an unknown one is shown as it is.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

const REASONS: Record< string, string > = {
	footprints_unknown_event: __(
		'No event is defined with this code. Define it in Footprints, or fix the code in the trigger.',
		'footprints'
	),
	footprints_disabled_event: __(
		'The event is disabled, so it is not tracked. Enable it to track it again.',
		'footprints'
	),
	footprints_server_only_event: __(
		'Only the server records this event; it is never accepted from a browser or a trigger.',
		'footprints'
	),
	footprints_unknown_app: __(
		'The app ID is unknown here or was revoked. Check the app ID in the sending site’s Footprints settings.',
		'footprints'
	),
	footprints_invalid_event: __(
		'The event was malformed (a missing or wrong id, code, time, page or device).',
		'footprints'
	),
	footprints_invalid_attribute: __(
		'An attribute did not fit the type its definition gives it.',
		'footprints'
	),
	footprints_too_many_attributes: __(
		'The event carried more attributes than allowed.',
		'footprints'
	),
	footprints_value_too_long: __(
		'An attribute’s text was too long (or a number too large to store).',
		'footprints'
	),
	footprints_invalid_utf8: __(
		'The event held text that is not valid UTF-8.',
		'footprints'
	),
};

/**
 * The reason of a refusal, in words.
 *
 * @param code Reason code, e.g. footprints_unknown_event.
 */
export function rejectionReason( code: string ): string {
	return REASONS[ code ] ?? code;
}
