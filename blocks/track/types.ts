/**
 * Internal dependencies
 */
import type { TrackingSettings } from '../../src/editor/types';

/** The block's attributes, as declared in block.json. */
export type TrackAttributes = TrackingSettings;
