/**
 * What the site tells the client, printed by includes/Assets/Client.php as
 * the script module's JSON data: the same for every visitor, so full-page
 * caches stay safe.
 */

/**
 * Internal dependencies
 */
import type { AttributeSchema } from '../shared/types';

export interface ClientSettings {
	/** Collector URL (footprints/v1/collect or a remote backend's). */
	collect: string;
	/** Sent with each event when the backend is a remote one. */
	app_id?: string;
	/** Enabled event codes, each with its attribute schema. */
	events: Record< string, AttributeSchema >;
	/** Honour the browser's Do Not Track signal as "no consent". */
	dnt?: boolean;
	/** Without consent: true sends events without a device id, false sends none. */
	anonymous?: boolean;
	/** Log every event and its delivery to the console. */
	debug?: boolean;
}
