/**
 * Internal dependencies
 */
import type { Trigger } from '../../src/shared/types';

/** The block's attributes, as declared in block.json. */
export type TrackAttributes = {
	event: string;
	on: Trigger;
	attrs: Record< string, string | number | boolean >;
};
