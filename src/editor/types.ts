/**
 * Internal dependencies
 */
import type { AttributeValue, Trigger } from '../shared/types';

/** What an element tracks: stored by the Track event block and the panel. */
export type TrackingSettings = {
	event: string;
	on: Trigger;
	attrs: Record< string, AttributeValue >;
};
